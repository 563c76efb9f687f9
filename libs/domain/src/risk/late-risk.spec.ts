import { lateRisk, naiveLateFlag, smoothedLateRate, type RiskFacts } from './late-risk';

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  submitted: false,
  workingDaysTotal: 20,
  workingDaysLeft: 10,
  progress: { percent: 50, elapsedDays: 10 },
  extensionsAsked: 0,
  extensionsGranted: 0,
  agency: { completed: 10, late: 3, meanLateDays: 4 },
  baseLateRate: 0.3,
  ...over,
});

describe('lateRisk', () => {
  it('an item already overdue is late for certain, and says by how much', () => {
    expect(lateRisk(facts({ workingDaysLeft: -2 }))).toEqual({
      risk: 1,
      reasons: ['Đã quá hạn 2 ngày làm việc.'],
    });
  });

  it('a submitted item waits for acceptance: low risk, said so', () => {
    const r = lateRisk(facts({ submitted: true, workingDaysLeft: 1 }));
    expect(r.risk).toBeLessThan(0.1);
    expect(r.reasons).toEqual(['Đã báo cáo hoàn thành, chờ xác nhận.']);
  });

  it('stays between 0 and 1 with two decimals', () => {
    for (const left of [0, 1, 5, 19]) {
      for (const percent of [0, 30, 90]) {
        const { risk } = lateRisk(
          facts({ workingDaysLeft: left, progress: { percent, elapsedDays: 20 - left } }),
        );
        expect(risk).toBeGreaterThanOrEqual(0);
        expect(risk).toBeLessThanOrEqual(1);
        expect(Math.round(risk * 100)).toBeCloseTo(risk * 100, 9);
      }
    }
  });

  it('a pace behind the time left raises it, and leads the reasons', () => {
    const onPace = lateRisk(facts());
    const behind = lateRisk(facts({ progress: { percent: 10, elapsedDays: 10 } }));
    expect(behind.risk).toBeGreaterThan(onPace.risk);
    expect(behind.reasons[0]).toBe(
      'Tiến độ báo cáo 10% sau 10 ngày làm việc; theo nhịp này cần thêm khoảng 90 ngày, còn 10 ngày.',
    );
  });

  it('100 % reported lowers it', () => {
    const done = lateRisk(facts({ progress: { percent: 100, elapsedDays: 10 } }));
    expect(done.risk).toBeLessThan(lateRisk(facts()).risk);
    expect(done.reasons.at(-1)).toBe('Đã báo cáo tiến độ 100%.');
  });

  it('silence past a third of the time raises it, the more the later', () => {
    const early = lateRisk(facts({ progress: null, workingDaysLeft: 15 }));
    const late = lateRisk(facts({ progress: null, workingDaysLeft: 6 }));
    expect(late.risk).toBeGreaterThan(early.risk);
    expect(late.reasons).toContain('Chưa báo cáo tiến độ, đã qua 70% thời hạn.');
  });

  it('fewer working days left raise it, whatever else', () => {
    const risks = [10, 5, 2, 0].map((left) => lateRisk(facts({ workingDaysLeft: left })).risk);
    expect([...risks].sort((a, b) => a - b)).toEqual(risks);
    expect(risks[3]).toBeGreaterThan(risks[0]!);
    expect(lateRisk(facts({ workingDaysLeft: 0 })).reasons).toContain('Hạn là hôm nay.');
    expect(lateRisk(facts({ workingDaysLeft: 2 })).reasons).toContain(
      'Còn 2 ngày làm việc, đã qua 90% thời hạn.',
    );
  });

  it("the lead agency's record moves it: an often-late agency's item is riskier", () => {
    const reliable = lateRisk(facts({ agency: { completed: 20, late: 1, meanLateDays: 2 } }));
    const oftenLate = lateRisk(facts({ agency: { completed: 20, late: 15, meanLateDays: 6.5 } }));
    expect(oftenLate.risk).toBeGreaterThan(reliable.risk);
    expect(oftenLate.reasons).toContain(
      'Cơ quan chủ trì hoàn thành đúng hạn 5/20 nhiệm vụ, chậm trung bình 6,5 ngày làm việc.',
    );
    expect(reliable.reasons).toContain(
      'Cơ quan chủ trì hoàn thành đúng hạn 19/20 nhiệm vụ, chậm trung bình 2 ngày làm việc.',
    );
    expect(
      lateRisk(facts({ agency: { completed: 0, late: 0, meanLateDays: 0 } })).reasons,
    ).toContain(
      'Cơ quan chủ trì chưa có nhiệm vụ hoàn thành để đối chiếu; tính theo tỷ lệ chậm chung 30%.',
    );
  });

  it('an extension refused or undecided raises it; one granted gave the time and does not', () => {
    const none = lateRisk(facts()).risk;
    const granted = lateRisk(facts({ extensionsAsked: 1, extensionsGranted: 1 }));
    const refused = lateRisk(facts({ extensionsAsked: 1 }));
    expect(granted.risk).toBe(none);
    expect(granted.reasons).toContain('Đã đề nghị gia hạn 1 lần, được gia hạn 1 lần.');
    expect(refused.risk).toBeGreaterThan(none);
    expect(refused.reasons).toContain('Đã đề nghị gia hạn 1 lần.');
  });
});

describe('smoothedLateRate', () => {
  it('is the base rate without a record, and moves toward the record as it grows', () => {
    expect(smoothedLateRate({ completed: 0, late: 0, meanLateDays: 0 }, 0.3)).toBeCloseTo(0.3);
    expect(smoothedLateRate({ completed: 2, late: 2, meanLateDays: 3 }, 0.3)).toBeCloseTo(
      0.5333,
      3,
    );
    expect(smoothedLateRate({ completed: 100, late: 100, meanLateDays: 3 }, 0.3)).toBeGreaterThan(
      0.95,
    );
  });
});

describe('naiveLateFlag', () => {
  it('flags under 3 working days left unless submitted', () => {
    expect(naiveLateFlag({ submitted: false, workingDaysLeft: 2 })).toBe(true);
    expect(naiveLateFlag({ submitted: false, workingDaysLeft: 3 })).toBe(false);
    expect(naiveLateFlag({ submitted: true, workingDaysLeft: 0 })).toBe(false);
  });
});
