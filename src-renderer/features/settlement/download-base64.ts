/** The download of a base64 file lives in `ui/download-base64.ts` (the customs desk uses it too); kept here for the settlement index. */
export { base64ToBytes, downloadBase64 } from '../../ui/download-base64.ts';
