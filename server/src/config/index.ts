import { yup } from '@strapi/utils';

export interface PluginConfig {
  /** Longest search period, in days (DESIGN §3). */
  maxPeriodDays: number;
  /** `total` of a search is exact up to this count, then reported as capped. */
  totalCap: number;
  /** Create the "Tenant Space Administrator" and "Agent" roles on the first boot. */
  createDefaultRoles: boolean;
  /**
   * Show robots, IVR flows and call records in the Content Manager. Off by default: the
   * plugin's pages and actions are the way in, and Strapi grants its default Editor and Author
   * roles the Content Manager on every type it shows at the first boot.
   */
  showInContentManager: boolean;
  /** Start the CSV export with a UTF-8 byte order mark, so Excel reads it as UTF-8. */
  csvBom: boolean;
}

export const defaultConfig: PluginConfig = {
  maxPeriodDays: 31,
  totalCap: 10_000,
  createDefaultRoles: true,
  showInContentManager: false,
  csvBom: true,
};

const schema = yup
  .object({
    maxPeriodDays: yup.number().strict().integer().min(1).max(3660).required(),
    totalCap: yup.number().strict().integer().min(1).max(10_000_000).required(),
    createDefaultRoles: yup.boolean().strict().required(),
    showInContentManager: yup.boolean().strict().required(),
    csvBom: yup.boolean().strict().required(),
  })
  .noUnknown();

/** Throws on a bad value so that a misconfigured host app fails at boot, naming the key. */
export const validateConfig = (config: unknown): void => {
  try {
    schema.validateSync(config, { abortEarly: false, strict: true });
  } catch (error) {
    const details = error instanceof yup.ValidationError ? error.errors.join('; ') : String(error);
    throw new Error(`Invalid call-history plugin config: ${details}`);
  }
};

export default {
  default: defaultConfig,
  validator: validateConfig,
};
