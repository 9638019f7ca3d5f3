/**
 * Keeps secrets (passwords, secret keys, IAM/static tokens) out of error messages (team rule): server-supplied text
 * and low-level error messages pass through here before they reach an Error.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; very short values are ignored (they would shred ordinary words). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    // IAM tokens are long base64 PKI blobs starting with MII; scrub any that were not registered (e.g. echoed back).
    return out.replace(/MII[A-Za-z0-9+/=_-]{40,}/g, '[redacted token]');
  }
}
