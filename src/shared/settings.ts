import { z } from 'zod';

/**
 * User settings, stored with electron-store in the desktop app and with its underlying library
 * (conf) in the HTTP shell and CLI, in the same config.json, so both shells agree.
 */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

export const Settings = z.object({
  theme: Theme.default('system'),
});
export type Settings = z.output<typeof Settings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** JSON Schema for electron-store/conf, derived from the zod schema so the two never drift. */
export const settingsJsonSchema = z.toJSONSchema(Settings, { target: 'draft-7' }) as {
  properties: Record<string, unknown>;
};
