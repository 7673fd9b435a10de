import { ApiError } from '../../shared/api/errors.ts';
import { PRODUCT_NAME } from '../app/paths.ts';

export interface StartupErrorMessage {
  title: string;
  content: string;
}

/**
 * What dialog.showErrorBox says when the database cannot be opened. The newer-database case is
 * the expected one (the user ran an older build after a newer one had migrated the file), so it
 * says what happened and that nothing was changed, rather than showing a stack trace.
 */
export function describeStartupError(error: unknown, databasePath: string): StartupErrorMessage {
  if (error instanceof ApiError && error.code === 'newer_database') {
    return {
      title: `${PRODUCT_NAME} is out of date`,
      content: [
        `The database at ${databasePath} was last opened by a newer version of ${PRODUCT_NAME}.`,
        'This version cannot read it safely, so it was left untouched.',
        `Install the latest version of ${PRODUCT_NAME} to open it, or set FOLLOWTHROUGH_DB to use another file.`,
        '',
        `Details: ${error.message}`,
      ].join('\n'),
    };
  }
  const detail =
    error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  return {
    title: `${PRODUCT_NAME} could not start`,
    content: [
      `${PRODUCT_NAME} could not open its database at ${databasePath}.`,
      'Check that the folder exists and that you can write to it. Set FOLLOWTHROUGH_DB to use a different file.',
      '',
      `Details: ${detail}`,
    ].join('\n'),
  };
}

export interface OpenOrExplainDeps<T> {
  open(): T;
  showErrorBox(title: string, content: string): void;
  quit(): void;
  databasePath: string;
}

/**
 * Opens the app context; on failure explains why in a native error box and quits. Returns null
 * in that case, so the caller simply stops.
 */
export function openOrExplain<T>(deps: OpenOrExplainDeps<T>): T | null {
  try {
    return deps.open();
  } catch (error) {
    const { title, content } = describeStartupError(error, deps.databasePath);
    deps.showErrorBox(title, content);
    deps.quit();
    return null;
  }
}
