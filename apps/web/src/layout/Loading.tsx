import { Flex, Spin } from 'antd';

export function Loading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin size="large" aria-label="Đang tải" />
    </Flex>
  );
}
