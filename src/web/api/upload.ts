import { ApiError, buildUrl, currentCsrfToken, errorFromBody, type RequestOptions } from './client';

/** How far an upload has gone: bytes sent of the total. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a multipart form to the API, reporting upload progress (fetch cannot report it, so this
 * uses XMLHttpRequest). Resolves with the parsed JSON body or rejects with an ApiError, as
 * requestApi does; an aborted signal aborts the upload.
 * @param options.onProgress called as bytes leave the browser, last with loaded === total
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  options: Pick<RequestOptions, 'query' | 'signal'> & {
    onProgress?: (progress: UploadProgress) => void;
  } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.withCredentials = true;
    const { onProgress, signal } = options;
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      };
      xhr.upload.onload = (event) => onProgress({ loaded: event.total, total: event.total });
    }
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(errorFromBody(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network',
          message: 'Headway cannot be reached: check the connection',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) return xhr.abort();
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    // A new upload starts from nothing (total 0: not known yet).
    onProgress?.({ loaded: 0, total: 0 });
    xhr.send(form);
  });
}
