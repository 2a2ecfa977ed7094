import { describe, expect, it } from 'vitest';
import { carryForward } from './carryForward.js';
import { defaultCodebook } from './defaultCodebook.js';

describe('carryForward', () => {
  const previous = {
    contactType: 'victim',
    traffickingQuestion: 'yes',
    age: 15,
    ageBasis: 'stated',
    gender: 'female',
    language: 'nl',
    exploitationForms: ['sexual'],
    exploitationSubForms: ['webcam'],
    perpetratorRelation: ['father'],
    perpetratorCount: 'one',
    actions: ['police'],
    followUpAgreed: true,
    stillExploited: true,
  };

  it('offers the stable answers of a returning visitor, not chat-specific ones', () => {
    const carried = carryForward(defaultCodebook, previous);
    expect(carried.values).toEqual({
      age: 15,
      ageBasis: 'stated',
      gender: 'female',
      language: 'nl',
      exploitationForms: ['sexual'],
      exploitationSubForms: ['webcam'],
      perpetratorCount: 'one',
      perpetratorRelation: ['father'],
    });
    expect(carried.carriedFieldIds).not.toContain('actions');
    expect(carried.carriedFieldIds).not.toContain('stillExploited');
  });

  it('drops answers that are no longer valid', () => {
    const carried = carryForward(defaultCodebook, { ...previous, gender: 'retired_code', exploitationSubForms: ['drugs'] });
    expect(carried.values['gender']).toBeUndefined();
    expect(carried.values['exploitationSubForms']).toBeUndefined();
  });
});
