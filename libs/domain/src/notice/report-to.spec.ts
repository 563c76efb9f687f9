import { AgencyDirectory } from './agencies';
import { reportToOf } from './report-to';

const directory = AgencyDirectory.default();
const reportTo = (text: string): string | null =>
  reportToOf(text, directory.mentions(text), directory);

describe('reportTo: the agency the report is sent to, not a later recipient', () => {
  it.each([
    [
      'Sở Y tế rà soát, gửi Sở Tài chính trước ngày 15/3/2026 để tổng hợp, báo cáo UBND tỉnh',
      'Sở Tài chính',
    ],
    ['các xã gửi báo cáo Sở Nội vụ để tổng hợp, báo cáo Chủ tịch UBND tỉnh', 'Sở Nội vụ'],
    ['gửi kết quả về Sở Nội vụ trước ngày 20 hằng tháng để tổng hợp, trình UBND tỉnh', 'Sở Nội vụ'],
    ['báo cáo Sở Tài chính để tổng hợp, báo cáo Trưởng Ban Chỉ đạo', 'Sở Tài chính'],
    [
      'gửi báo cáo về Văn phòng UBND tỉnh để tổng hợp, báo cáo Trưởng Ban Chỉ đạo',
      'Văn phòng UBND tỉnh',
    ],
    ['rà soát, báo cáo UBND tỉnh trước ngày 30/6/2026', 'UBND tỉnh'],
    ['tổng hợp, báo cáo UBND tỉnh', 'UBND tỉnh'],
    ['Sở Xây dựng chủ trì, phối hợp Sở Tài chính rà soát, báo cáo UBND tỉnh', 'UBND tỉnh'],
    ['trình UBND tỉnh phê duyệt, gửi Sở Tài chính để theo dõi', 'UBND tỉnh'],
    ['gửi văn bản đến các sở, ngành liên quan, báo cáo UBND tỉnh', 'UBND tỉnh'],
    ['Sở Tài chính rà soát các dự án', null],
    [
      'Công an tỉnh gửi kết quả triển khai Đề án 06 về Văn phòng UBND tỉnh trước ngày 20/01/2027 để tổng hợp, báo cáo Chủ tịch UBND tỉnh.',
      'Văn phòng UBND tỉnh',
    ],
    [
      'các xã gửi danh sách hộ nghèo cho Sở Nông nghiệp và Môi trường',
      'Sở Nông nghiệp và Môi trường',
    ],
    ['Rà soát, đánh giá tiến độ thu tiền sử dụng đất, báo cáo UBND thành phố', 'UBND thành phố'],
    ['trình Chủ tịch Ủy ban nhân dân thành phố phê duyệt', 'Chủ tịch UBND thành phố'],
    ['Sở Tư pháp tham mưu UBND tỉnh ban hành Quy định, trình trước ngày 15/7/2026', 'UBND tỉnh'],
    ['giao Sở Tài chính tham mưu UBND tỉnh quyết định trước ngày 30/6/2026', 'UBND tỉnh'],
    ['Sở Nội vụ tham mưu cho Chủ tịch UBND tỉnh kiện toàn Ban Chỉ đạo', 'Chủ tịch UBND tỉnh'],
  ])('%s → %s', (text, expected) => {
    expect(reportTo(text)).toBe(expected);
  });
});
