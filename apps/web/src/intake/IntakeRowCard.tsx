import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Agency } from '../api/client';
import { deadlineNote, type IntakeRow } from './intake-rows';

interface Props {
  readonly row: IntakeRow;
  readonly agencies: readonly Agency[];
  readonly onChange: (row: IntakeRow) => void;
  readonly onDelete: () => void;
}

/** One item of the preview, editable: text, lead and co-ordinating agencies, deadline. */
export function IntakeRowCard({ row, agencies, onChange, onDelete }: Props) {
  const options = agencies.map((a) => ({ value: a.code, label: a.name }));
  const id = (field: string) => `row-${row.key}-${field}`;
  const note = deadlineNote(row.deadline);
  const title = row.code ? `Mục ${row.code}` : 'Nhiệm vụ mới';
  return (
    <Card
      size="small"
      title={<h3 style={{ fontSize: 15, margin: 0 }}>{title}</h3>}
      extra={
        <Button danger size="small" onClick={onDelete} aria-label={`Xóa ${title}`}>
          Xóa
        </Button>
      }
    >
      {row.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      <Row gutter={[12, 8]}>
        <Col xs={24} md={12}>
          <label htmlFor={id('text')}>Nội dung</label>
          <Input.TextArea
            id={id('text')}
            autoSize={{ minRows: 2, maxRows: 8 }}
            value={row.text}
            onChange={(e) => onChange({ ...row, text: e.target.value })}
          />
        </Col>
        <Col xs={24} md={12}>
          <label htmlFor={id('lead')}>Cơ quan chủ trì</label>
          <Select
            id={id('lead')}
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder="Chọn cơ quan"
            status={row.lead ? undefined : 'error'}
            options={options}
            value={row.lead}
            onChange={(lead?: string) => onChange({ ...row, lead })}
          />
          <label htmlFor={id('support')}>Cơ quan phối hợp</label>
          <Select
            id={id('support')}
            mode="multiple"
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            value={row.support}
            onChange={(support: string[]) => onChange({ ...row, support })}
          />
          <label htmlFor={id('due')}>Hạn</label>
          <div>
            <DatePicker
              id={id('due')}
              format="DD/MM/YYYY"
              value={row.due ? dayjs(row.due) : null}
              onChange={(d) => onChange({ ...row, due: d ? d.format('YYYY-MM-DD') : undefined })}
            />
          </div>
          {note && <Typography.Text type="secondary">{note}</Typography.Text>}
        </Col>
      </Row>
    </Card>
  );
}
