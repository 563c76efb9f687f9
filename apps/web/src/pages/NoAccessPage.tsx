import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** An item of another agency (the API answered 403). */
export function NoAccessPage({ message }: { message?: string }) {
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle={message ?? 'Nhiệm vụ này không thuộc cơ quan của bạn.'}
      extra={
        <Link to="/items">
          <Button type="primary">Về danh sách nhiệm vụ</Button>
        </Link>
      }
    />
  );
}
