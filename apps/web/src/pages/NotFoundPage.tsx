import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main>
      <Result
        status="404"
        title="Không tìm thấy trang"
        subTitle="Địa chỉ này không có trong hệ thống."
        extra={
          <Link to="/items">
            <Button type="primary">Về danh sách nhiệm vụ</Button>
          </Link>
        }
      />
    </main>
  );
}
