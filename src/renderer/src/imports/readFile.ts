/**
 * A file's bytes as base64, as imports.preview wants them (the legacy Google export is UTF-16, so
 * text would not do). FileReader encodes natively and off the main thread's JavaScript: a 10 MB
 * file costs one data: URL, never a string built piece by piece.
 */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
