import { escalationRecipients, type EscalationParties } from './escalation';

const parties: EscalationParties = {
  leadContact: 'stc@dondoc.local',
  leadHead: 'stc-head@dondoc.local',
  secretariat: 'secretariat@dondoc.local',
  committeeHead: 'head@dondoc.local',
};

describe('escalationRecipients', () => {
  it.each([
    [1, ['stc-head@dondoc.local', 'secretariat@dondoc.local', 'stc@dondoc.local']],
    [2, ['head@dondoc.local']],
    [3, ['head@dondoc.local']],
  ])('level %i → %j', (level, expected) => {
    expect(escalationRecipients(level, parties)).toEqual(expected);
  });

  it('leaves out an unknown agency head', () => {
    expect(escalationRecipients(1, { ...parties, leadHead: null })).toEqual([
      'secretariat@dondoc.local',
      'stc@dondoc.local',
    ]);
  });
});
