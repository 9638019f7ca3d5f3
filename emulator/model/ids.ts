import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const URL_SAFE = `${ALNUM}-_`;

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Instance ids look like `a44uhlf7`, `XvH39QVW` (docs/api/endpoints.md#identifiers): 8 alphanumerics. */
export function newInstanceId(): string {
  return randomFrom(ALNUM, 8);
}

/** 32 lower-case hex chars: async task ids, job ids, device ids and tokens, IAM ids (docs/api/endpoints.md#identifiers). */
export function newHex32(): string {
  return randomBytes(16).toString('hex');
}

/** App-install task ids carry the fixed prefix `ZGCA` (docs/api/endpoints.md#app-install), e.g. `ZGCAorl8ocwK7U7_tOAfH26P-DjwDw8Yknf4`. */
export function newAppInstallTaskId(): string {
  return `ZGCA${randomFrom(URL_SAFE, 32)}`;
}

/** CBC order ids look like `CS2412261442DBN4E`: CS + yyMMddHHmm (UTC) + 5 upper alphanumerics. */
export function newOrderId(nowMs: number): string {
  const iso = new Date(nowMs).toISOString(); // 2024-12-26T14:42:...
  const stamp = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
  return `CS${stamp}${randomFrom(UPPER_ALNUM, 5)}`;
}

export function newRandomBase64Url(length: number): string {
  return randomFrom(URL_SAFE, length);
}
