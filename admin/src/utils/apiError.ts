/** What the pages need from a failed request: Strapi's error message and the bad fields. */
export interface ApiError {
  status: number | null;
  message: string;
  fieldErrors: Record<string, string>;
}

interface StrapiErrorBody {
  error?: {
    status?: number;
    message?: string;
    details?: { errors?: Array<{ path?: Array<string | number>; message?: string }> };
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads an axios error (from useFetchClient) carrying Strapi's standard error body. */
export const toApiError = (error: unknown): ApiError => {
  const response = isObject(error) && isObject(error.response) ? error.response : null;
  const body = (response && isObject(response.data) ? response.data : {}) as StrapiErrorBody;
  const fieldErrors: Record<string, string> = {};
  for (const entry of body.error?.details?.errors ?? []) {
    const path = (entry.path ?? []).join('.');
    if (path && entry.message && !fieldErrors[path]) fieldErrors[path] = entry.message;
  }
  const fallback = error instanceof Error ? error.message : 'Request failed';
  return {
    status: typeof response?.status === 'number' ? response.status : null,
    message: body.error?.message ?? fallback,
    fieldErrors,
  };
};
