/** The settings file beside the database is `config.json`: electron-store's and conf's name. */
export const SETTINGS_FILE_STEM = 'config';
