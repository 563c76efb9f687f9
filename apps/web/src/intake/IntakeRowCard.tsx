import { Alert, Button, Card, Col, Input, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { agencyOptions, agencySearch as search } from '../agencies/agency-match';
import type { Agency } from '../api/client';
import { DeadlineEditor } from './DeadlineEditor';
import type { IntakeRow } from './intake-rows';
import { CLEAR_SELECTION } from '../layout/clear-selection';

interface Props {
  readonly row: IntakeRow;
  readonly agencies: readonly Agency[];
  /** The parser's warnings and those of the row as edited (a past date). */
  readonly warnings: readonly string[];
  /** Shown in the source text beside the list. */
  readonly selected: boolean;
  readonly onChange: (row: IntakeRow) => void;
  readonly onDelete: () => void;
  /** Focus or a click inside the card: show it in the source text. */
  readonly onSelect: () => void;
  /** "Xem trong văn bản": show it and bring the source text into view. */
  readonly onReveal: () => void;
  /** Just added by "Thêm nhiệm vụ": its first field takes the focus. */
  readonly autoFocus?: boolean;
  /** The notice's date of issue (a recurring row's first period). */
  readonly issuedOn?: string | null;
}

/** One item of the preview, editable: text, lead and co-ordinating agencies, deadline. */
export function IntakeRowCard(props: Props) {
  const { row, agencies, warnings, selected, onChange, onDelete, onSelect, onReveal, autoFocus } =
    props;
  // Work goes to agencies still working; one already on the row stays shown by its name.
  const options = useMemo(
    () =>
      agencyOptions(
        agencies.filter((a) => a.active || a.code === row.lead || row.support.includes(a.code)),
      ),
    [agencies, row.lead, row.support],
  );
  // The lead is not also one of its co-ordinating agencies (the API drops it there).
  const supportOptions = useMemo(
    () => options.filter((o) => o.value !== row.lead),
    [options, row.lead],
  );
  // Said when choosing the lead took it out of the co-ordinating agencies.
  const [leadNote, setLeadNote] = useState<string>();
  const id = (field: string) => `row-${row.key}-${field}`;
  const title = row.code ? `Mục ${row.code}` : 'Nhiệm vụ mới';
  return (
    <Card
      size="small"
      role="group"
      aria-labelledby={id('title')}
      onFocus={onSelect}
      onClick={onSelect}
      style={selected ? { borderColor: '#1668dc', boxShadow: '0 0 0 1px #1668dc' } : undefined}
      title={
        <h3 id={id('title')} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </h3>
      }
      extra={
        <Space size={4} wrap>
          {row.source && (
            <Button
              size="small"
              aria-pressed={selected}
              onClick={(e) => {
                e.stopPropagation();
                onReveal();
              }}
            >
              Xem trong văn bản
            </Button>
          )}
          <Button danger size="small" onClick={onDelete} aria-label={`Xóa ${title}`}>
            Xóa
          </Button>
        </Space>
      }
    >
      {warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      <Row gutter={[12, 8]}>
        {!row.source && (
          // A parsed item keeps the number the notice gave it; one added by hand is numbered here.
          <Col xs={24} md={12}>
            <label htmlFor={id('code')}>Số mục</label>
            <Input
              id={id('code')}
              maxLength={40}
              placeholder="Ví dụ: 2.g"
              autoFocus={autoFocus}
              value={row.code}
              onChange={(e) => onChange({ ...row, code: e.target.value.trimStart() })}
            />
          </Col>
        )}
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
            showSearch={search}
            allowClear={CLEAR_SELECTION}
            placeholder="Chọn cơ quan"
            status={row.lead ? undefined : 'error'}
            options={options}
            value={row.lead}
            onChange={(lead?: string) => {
              const moved = lead !== undefined && row.support.includes(lead);
              setLeadNote(
                moved
                  ? `Đã bỏ ${options.find((o) => o.value === lead)?.label ?? lead} khỏi cơ quan phối hợp vì là cơ quan chủ trì.`
                  : undefined,
              );
              onChange({ ...row, lead, support: row.support.filter((s) => s !== lead) });
            }}
          />
          <div role="status">
            {leadNote && <Typography.Text type="secondary">{leadNote}</Typography.Text>}
          </div>
          <label htmlFor={id('support')}>Cơ quan phối hợp</label>
          <Select
            id={id('support')}
            mode="multiple"
            style={{ width: '100%' }}
            showSearch={search}
            options={supportOptions}
            value={row.support}
            onChange={(support: string[]) => onChange({ ...row, support })}
          />
        </Col>
        <Col xs={24}>
          <DeadlineEditor row={row} onChange={onChange} id={id} issuedOn={props.issuedOn} />
        </Col>
      </Row>
    </Card>
  );
}
