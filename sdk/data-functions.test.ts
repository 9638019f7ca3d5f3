import { getInstances, getSkus } from './data-functions';

describe('data function arguments', () => {
  it('are validated with the zod schemas before any API call, naming the field', async () => {
    await expect(getInstances({ ids: ['x'.repeat(40)] })).rejects.toThrow(
      /koophone\.getInstances: invalid arguments: ids\.0: /,
    );
    await expect(getInstances({ bogus: 1 } as never)).rejects.toThrow(/getInstances: invalid arguments: .*bogus/);
    await expect(getSkus({ type: 'tablet' } as never)).rejects.toThrow(/koophone\.getSkus: invalid arguments: type: /);
  });
});
