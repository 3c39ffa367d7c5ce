// The partner's upload pages (issue 15, build 3: uploads at real volume), in web/src/pages/uploads/:
// Aanleveren with its Verwerken state and receipt, Eerdere aanleveringen, an earlier upload's page,
// and Bestandsformaat.
export { FileFormat } from './uploads/file-format.tsx';
export { UploadDetail } from './uploads/upload-detail.tsx';
export { Upload } from './uploads/upload-page.tsx';
export { Uploads } from './uploads/uploads-list.tsx';
