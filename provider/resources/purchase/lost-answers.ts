/**
 * Name prefixes whose create call lost its answer in this deployment (this provider process): a phone may have been
 * bought under them. Whatever fails next for that resource must say so, keep the purchase in the stack under its
 * prefix and say what to run (docs/errors.md "A lost create answer").
 */
const lostAnswers = new Set<string>();

export function noteLostAnswer(prefix: string): void {
  lostAnswers.add(prefix);
}

/** Listings concluded that nothing was bought under the prefix: the lost answer bought nothing. */
export function forgetLostAnswer(prefix: string): void {
  lostAnswers.delete(prefix);
}

export function hadLostAnswer(prefix: string): boolean {
  return lostAnswers.has(prefix);
}

/** The words every failure after a lost create answer carries. */
export function lostAnswerAdvice(count: number, prefix: string, recordedAs: string): string {
  const phones = count === 1 ? 'a phone' : `up to ${count} phones`;
  return (
    `${phones} named "${prefix}-*" may have been bought: a create call's answer was lost. It is recorded in the stack ` +
    `as "${recordedAs}": run \`pulumi up\` again to take it over (or \`pulumi destroy\` to unsubscribe it); do not buy it again by hand.`
  );
}
