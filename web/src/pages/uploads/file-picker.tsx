import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { cx } from '../../components/cx.ts';
import { Button } from '../../components/ui.tsx';

/** The picker's file input, which the tests fill: `csv-${id}`. */
export const fileInputId = (id: string) => `csv-${id}`;

/**
 * A CSV file field in the Utrecht form-field layout. The component library has no file input, and
 * the browser's own ("Choose File", "No file chosen") speaks the browser's language: the input is
 * hidden and a Utrecht button opens its dialog, the chosen file is named in Dutch under it. The
 * button has the field's `id`, so the error summary's link focuses it (the input id does not start
 * with `${id}-`, which the summary would take for the control). The dialog offers only .csv files
 * (`accept`); what is dropped or chosen anyway is checked by the page (csvFileProblem).
 * `dropzone` adds a drop target for the mouse around it.
 */
export function CsvFilePicker({
  id,
  title,
  description,
  error,
  file,
  buttonText,
  onChoose,
  dropzone = false,
}: {
  id: string;
  title: ComponentChildren;
  description?: ComponentChildren;
  error?: string | undefined;
  file: File | undefined;
  buttonText: string;
  onChoose: (file: File | undefined) => void;
  dropzone?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const describedBy = cx(
    description ? `${id}-description` : undefined,
    error ? `${id}-error` : undefined,
    `${id}-chosen`,
  );
  const picker = (
    <>
      <input
        ref={input}
        id={fileInputId(id)}
        type="file"
        accept=".csv,text/csv"
        hidden
        onChange={(event) => {
          onChoose(event.currentTarget.files?.[0]);
          // The same file chosen again (after fixing it) is a change too.
          event.currentTarget.value = '';
        }}
      />
      <Button id={id} aria-describedby={describedBy} onClick={() => input.current?.click()}>
        {buttonText}
      </Button>
      <p id={`${id}-chosen`} class="utrecht-paragraph" aria-live="polite">
        {file
          ? `Gekozen: ${file.name} (${Math.ceil(file.size / 1024).toLocaleString('nl-NL')} kB)`
          : 'Nog geen bestand gekozen.'}
      </p>
    </>
  );
  return (
    <div
      class={cx(
        'utrecht-form-field',
        'utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div class="utrecht-form-field__label">
        <span class="utrecht-form-label">{title}</span>
      </div>
      {description && (
        <div id={`${id}-description`} class="utrecht-form-field-description utrecht-form-field__description">
          {description}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="utrecht-form-field-error-message utrecht-form-field__error-message">
          {error}
        </p>
      )}
      <div class="utrecht-form-field__input">
        {dropzone ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: only a drop target for the mouse; the button inside is the keyboard way.
          <div
            class={cx('dropzone', dragging && 'dragging')}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              onChoose(event.dataTransfer?.files[0]);
            }}
          >
            <p class="utrecht-paragraph">Sleep het CSV-bestand hierheen, of</p>
            {picker}
          </div>
        ) : (
          picker
        )}
      </div>
    </div>
  );
}
