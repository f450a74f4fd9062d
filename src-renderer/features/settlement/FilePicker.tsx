/**
 * FilePicker: the drop-zone style file chooser of the settlement imports (payout files, rate
 * CSVs); `readForHost` (`ui/read-for-host.ts`, re-exported here) turns the chosen file into the
 * base64 text and file name the import commands carry.
 */
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../ui/file-to-base64.ts';

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

export { readForHost, type HostFile } from '../../ui/read-for-host.ts';
