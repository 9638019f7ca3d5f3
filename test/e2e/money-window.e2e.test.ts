import { createKooPhoneStack, managedResources, type KooPhoneStack } from './support/koophone-stack';

/**
 * The rare windows where money could be spent outside the stack's knowledge or before every check ran: a purchase
 * whose outcome nobody can confirm, and a spec the catalogue does not sell.
 */
describe('money windows', () => {
  let s: KooPhoneStack;
  afterEach(async () => {
    await s?.dispose();
  });

  /** The create applies and loses its answer; then every listing answers 503 until the provider gives up. */
  async function loseCreateAndListings(): Promise<void> {
    await s.control.injectFault({ endpoint: 'batch-query', latencyMs: 1, count: 1 }); // the look before buying passes
    await s.control.injectFault({ endpoint: 'create', dropAfterCommit: true, count: 1 });
    await s.control.injectFault({ endpoint: 'batch-query', status: 503, count: 10_000 });
  }

  test('an unconfirmed purchase is kept in state: destroy unsubscribes it, up takes it over, refresh names it', async () => {
    s = await createKooPhoneStack({ env: { KOOPHONE_ORDER_LOOKUP_SECONDS: '3' } });
    await s.declare({ phones: [{ name: 'lost' }] });
    await loseCreateAndListings();
    const failed = await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
    expect(failed.code).not.toBe(0);
    const said = failed.stdout + failed.stderr;
    expect(said).toMatch(
      /a phone named "lost-[a-z0-9]{5}-\*" may have been bought: the create call may have been applied/,
    );
    expect(said).toMatch(/recorded in the stack as "unconfirmed:lost-[a-z0-9]{5}": run `pulumi up` again/);
    const [bought] = await s.control.yearlyMonthlyPhones();
    expect(bought).toBeDefined();
    expect(managedResources(await s.exportStack()).map((r) => r.id)).toEqual([
      expect.stringMatching(/^unconfirmed:lost-/),
    ]);

    // destroy resolves it by name and unsubscribes it.
    await s.control.clearFaults();
    await s.project.pulumi(['destroy', '--yes', '--skip-preview']);
    expect(await s.control.yearlyMonthlyPhones()).toEqual([]);
    expect(managedResources(await s.exportStack())).toEqual([]);

    // The same window again; this time the next up takes the phone over without buying.
    await loseCreateAndListings();
    await s.project.pulumi(['up', '--yes', '--skip-preview'], { allowFailure: true });
    await s.control.clearFaults();
    const [second] = await s.control.yearlyMonthlyPhones();
    await s.control.resetCounters();
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    expect((await s.control.counters()).create ?? 0).toBe(0);
    expect((await s.control.yearlyMonthlyPhones()).map((p) => p.instanceId)).toEqual([second.instanceId]);
    expect((await s.phoneIds()).lost).toBe(second.instanceId);

    // A refresh replaces the unconfirmed id with the phone's instance id.
    await s.project.pulumi(['refresh', '--yes', '--skip-preview']);
    expect(managedResources(await s.exportStack()).map((r) => r.id)).toEqual([second.instanceId]);
    await s.project.pulumi(['preview', '--expect-no-changes']);
  });

  test('preview refuses what the catalogue does not sell before any purchase, and accepts an array of Outputs', async () => {
    s = await createKooPhoneStack();
    await s.control.resetCounters();
    // One valid phone beside one the catalogue cannot sell: nothing at all may be bought.
    await s.declare({ phones: [{ name: 'good' }, { name: 'bad', bandSize: 5 }] });
    const band = await s.project.pulumi(['up', '--yes'], { allowFailure: true });
    expect(band.code).not.toBe(0);
    expect(band.stdout + band.stderr).toMatch(
      /bandSize.*5 Mbit\/s is not sold with kp\.professional\.xlarge\.32g\.2; choose one of 4, 6/s,
    );

    await s.declare({ phones: [{ name: 'good' }, { name: 'old', os: 'AOSP9', sku: 'kp.enterprise.2xlarge.128g.2' }] });
    const os = await s.project.pulumi(['preview'], { allowFailure: true });
    expect(os.code).not.toBe(0);
    expect(os.stdout + os.stderr).toMatch(/os.*no enabled AOSP9 pool on the EIP network; available there: "AOSP11"/s);

    await s.declare({ phones: [{ name: 'good' }, { name: 'far', sku: 'kp.nope' }] });
    const sku = await s.project.pulumi(['preview'], { allowFailure: true });
    expect(sku.stdout + sku.stderr).toMatch(/instanceSkuId.*"kp\.nope" is not sold in cn-north-4/s);

    const counters = await s.control.counters();
    expect(counters.create ?? 0).toBe(0);
    expect(await s.control.phones()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ billingMode: '1' })]),
    );

    // VideoSetting over an array of Outputs: every id is unknown at preview, and none is a duplicate. One phone runs
    // AOSP14, the image the official SDK added (the catalogue sells it).
    await s.declare({ phones: [{ name: 'v1', os: 'AOSP14' }, { name: 'v2' }], video: [], videoIdsAsOutputs: true });
    await s.project.pulumi(['preview']);
    await s.project.pulumi(['up', '--yes', '--skip-preview']);
    const v1 = (await s.phoneIds()).v1;
    expect(await s.control.phones()).toContainEqual(
      expect.objectContaining({ instanceId: v1, os: 'AOSP14', runningStatus: 2 }),
    );
  });
});
