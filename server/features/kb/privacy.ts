/**
 * Masks personal data in free text shown outside its order (similar cases): mobile numbers,
 * landlines and resident ID numbers keep their first and last digits only.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/(?<!\d)([1-9]\d{5})(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}([\dXx])(?!\d)/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2')
    .replace(/(?<!\d)(0\d{2,3}-?)\d{3,4}(\d{4})(?!\d)/g, '$1****$2');
}
