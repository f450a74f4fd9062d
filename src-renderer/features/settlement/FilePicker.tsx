/**
 * FilePicker: the drop-zone style file chooser of the settlement imports (payout files, rate
 * CSVs), and `readForHost`, which turns the chosen file into the base64 text and file name the
 * import commands carry (files over the contract's limit are refused before reading).
 */
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../src-main/api/contract.ts';
import { fileToBase64, formatFileSize, importFileName, MAX_IMPORT_FILE_BYTES } from '../../ui/file-to-base64.ts';

export interface FilePickerProps {
  readonly file: File | null;
  readonly onChoose: (file: File | null) => void;
  readonly disabled: boolean;
  readonly accept: string;
  readonly testId: string;
}

export function FilePicker({ file, onChoose, disabled, accept, testId }: FilePickerProps) {
  const { t, i18n } = useTranslation();
  return (
    <label className="dropzone">
      <input
        type="file"
        className="visually-hidden"
        aria-label={t('settlement.import.choose')}
        data-testid={testId}
        accept={accept}
        disabled={disabled}
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
      <span className="dropzone-button" aria-hidden="true">
        {t('settlement.import.choose')}
      </span>
      {file ? (
        <span className="dropzone-file" data-testid={`${testId}-chosen`}>
          {t('settlement.import.chosen', { name: file.name, size: formatFileSize(file.size, i18n.language) })}
        </span>
      ) : null}
    </label>
  );
}

export type HostFile =
  | { readonly ok: true; readonly fileName: string; readonly contentBase64: string }
  | { readonly ok: false; readonly error: ErrorInfo };

export async function readForHost(file: File): Promise<HostFile> {
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return { ok: false, error: { code: 'import.file.tooLarge', params: { size: file.size } } };
  try {
    return { ok: true, fileName: importFileName(file.name), contentBase64: await fileToBase64(file) };
  } catch {
    return { ok: false, error: { code: 'import.file.unreadable', params: { file: file.name } } };
  }
}
