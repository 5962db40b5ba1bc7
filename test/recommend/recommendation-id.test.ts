import { describe, expect, it } from 'vitest';
import { recommendationId } from '../../src/recommend/recommendation-id.js';

describe('recommendationId', () => {
  it('does not depend on the order of the groups', () => {
    expect(recommendationId('merge', ['b', 'a'], 'o')).toBe(recommendationId('merge', ['a', 'b'], 'o'));
  });

  it.each([
    ['another kind', recommendationId('archive', ['a', 'b'], 'o')],
    ['another group', recommendationId('merge', ['a', 'c'], 'o')],
    ['another owner', recommendationId('merge', ['a', 'b'], 'p')],
    ['no owner', recommendationId('merge', ['a', 'b'], null)],
    ['groups that join into the same string', recommendationId('merge', ['a,b'], 'o')],
  ])('differs for %s', (_, other) => {
    expect(other).not.toBe(recommendationId('merge', ['a', 'b'], 'o'));
  });

  it('is readable and short', () => {
    expect(recommendationId('quiet-hours', ['g'], 'o')).toMatch(/^quiet-hours-[0-9a-f]{12}$/);
  });
});
