import { proposeAmendment, textSimilarity, type EarlierItem } from './amendment-match';
import { amendmentReference } from './amendments';

const STC = 'Sở Tài chính';
const earlier: EarlierItem[] = [
  { id: 'g1', code: '2.g.1', text: 'Hoàn thiện và ban hành Báo cáo công tác năm 2025.', lead: STC },
  { id: 'g2', code: '2.g.2', text: 'Tham mưu kiện toàn thành viên Ban Chỉ đạo.', lead: STC },
  {
    id: 'g5',
    code: '2.g.5',
    text: 'Rà soát, giao chỉ tiêu phát triển doanh nghiệp năm 2026.',
    lead: STC,
  },
];

describe('proposeAmendment (notice lineage, issue 12)', () => {
  it('a reference names the earlier item by its position, with what to do to it', () => {
    const text =
      'Điều chỉnh thời hạn nhiệm vụ tại mục 2.g.1 Thông báo số 15/TB-UBND đến ngày 28/02/2026.';
    expect(proposeAmendment({ text, lead: STC }, amendmentReference(text), earlier, [])).toEqual({
      itemId: 'g1',
      kind: 'deadline',
      by: 'reference',
      similarity: 1,
    });
    const cancel = 'Không thực hiện nội dung tại mục 2.g.5 Thông báo số 15/TB-UBND.';
    expect(
      proposeAmendment({ text: cancel, lead: STC }, amendmentReference(cancel), earlier, []),
    ).toMatchObject({ itemId: 'g5', kind: 'cancel' });
  });

  it('a reference to a group or to no position proposes nothing: the reviewer picks', () => {
    const group = 'Tiếp tục thực hiện các nội dung tại mục 2.g Thông báo số 15/TB-UBND.';
    expect(
      proposeAmendment({ text: group, lead: STC }, amendmentReference(group), earlier, []),
    ).toBeNull();
    const none = 'Tiếp tục triển khai theo Thông báo số 15/TB-UBND.';
    expect(
      proposeAmendment({ text: none, lead: STC }, amendmentReference(none), earlier, []),
    ).toBeNull();
  });

  it('without a reference, nearly the same text from the same lead continues the open item', () => {
    const again = 'Tham mưu kiện toàn thành viên Ban Chỉ đạo';
    expect(proposeAmendment({ text: again, lead: STC }, null, [], earlier)).toMatchObject({
      itemId: 'g2',
      kind: 'continue',
      by: 'similar',
    });
    // Another lead, or other words: a new directive.
    expect(proposeAmendment({ text: again, lead: 'Sở Nội vụ' }, null, [], earlier)).toBeNull();
    expect(
      proposeAmendment(
        { text: 'Tổ chức hội nghị đối thoại doanh nghiệp.', lead: STC },
        null,
        [],
        earlier,
      ),
    ).toBeNull();
    expect(proposeAmendment({ text: again, lead: null }, null, [], earlier)).toBeNull();
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words however written, lower as they differ', () => {
    expect(textSimilarity('Kiện toàn Ban Chỉ đạo.', 'kiện  toàn ban chỉ đạo')).toBe(1);
    expect(textSimilarity('Hoà giải', 'Hòa giải')).toBe(1);
    const close = textSimilarity(
      'Rà soát, giao chỉ tiêu phát triển doanh nghiệp năm 2026.',
      'Rà soát, giao chỉ tiêu phát triển doanh nghiệp năm 2027.',
    );
    expect(close).toBeGreaterThan(0.8);
    expect(close).toBeLessThan(1);
    expect(textSimilarity('Báo cáo thu ngân sách', 'Kiện toàn Ban Chỉ đạo')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });
});
