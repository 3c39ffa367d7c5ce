/** An error answer of the API (API.md): a code, a Dutch message and field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly { field: string; code: string; message: string }[];

  constructor(status: number, body: unknown) {
    const error = (body as { error?: { code?: string; message?: string; details?: ApiError['details'] } })
      ?.error;
    super(
      error?.message ??
        (status === 401
          ? 'Uw sessie is verlopen: meld u opnieuw aan.'
          : 'Er ging iets mis. Probeer het opnieuw.'),
    );
    this.status = status;
    this.code = error?.code ?? 'unknown';
    this.details = error?.details ?? [];
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** Uploads a file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
  upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T>;
}

export function createApi(baseUrl: string, token: string): Api {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) throw new ApiError(response.status, parsed);
    return parsed as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    upload: (path, file, onProgress) =>
      new Promise((resolve, reject) => {
        const form = new FormData();
        form.append('file', file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${baseUrl}${path}`);
        xhr.setRequestHeader('authorization', `Bearer ${token}`);
        xhr.upload.addEventListener('progress', (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        });
        xhr.addEventListener('load', () => {
          const parsed = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
          if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as never);
          else reject(new ApiError(xhr.status, parsed));
        });
        xhr.addEventListener('error', () => reject(new ApiError(0, undefined)));
        xhr.send(form);
      }),
  };
}
