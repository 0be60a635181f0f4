// One material on the checklist: the form it came in (only those the item allows, or 缺), its
// files (uploaded or captured with the document camera), and the guide's notes.
import { useTranslation } from 'react-i18next';
import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import type { Material } from '../../../shared/catalog/item-schema';
import { type Attachment, type Provided } from '../../../shared/protocol/events';
import { formatSize, storeAttachment } from './blob-store';
import { CameraDialog } from './CameraDialog';
import { helpId } from './FieldRow';
import type { IntakeValues } from './intake-values';
import { fieldId } from './keyboard';

function stamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function MaterialRow({ material: m, index, control }: { material: Material; index: number; control: Control<IntakeValues> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const provided = useController({ control, name: `materials.${index}.provided` });
  const files = useController({ control, name: `materials.${index}.attachments` });
  const input = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const id = fieldId(`materials.${index}.provided`);
  const titleId = `${id}-title`;
  const error = provided.fieldState.error?.message ?? files.fieldState.error?.message;
  const forms: Provided[] = [...m.forms, 'missing'];
  // Files arrive asynchronously (hashing, camera): add them to the latest list, not a stale one.
  const latest = useRef(files.field.value);
  useEffect(() => {
    latest.current = files.field.value;
  }, [files.field.value]);

  const add = async (items: { blob: Blob; name: string }[]) => {
    const added: Attachment[] = [];
    for (const { blob, name } of items) {
      try {
        added.push(await storeAttachment(blob, name));
      } catch (e) {
        message.error(e instanceof Error ? e.message : String(e));
      }
    }
    const current = latest.current;
    const fresh = added.filter((a) => !current.some((c) => c.sha256 === a.sha256));
    if (fresh.length) {
      latest.current = [...current, ...fresh];
      files.field.onChange(latest.current);
    }
  };

  return (
    <div role="group" aria-labelledby={titleId} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <Typography.Text strong id={titleId}>
            {index + 1}. {m.name}
          </Typography.Text>
          {m.required ? <Tag color="red">{t('intake.required')}</Tag> : <Tag>{t('intake.notRequired')}</Tag>}
          {m.count ? <Typography.Text type="secondary">{t('intake.copiesTag', { count: m.count })}</Typography.Text> : null}
        </Space>
        {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
        <Space wrap size={12}>
          <Radio.Group
            id={id}
            aria-label={t('intake.providedAs', { name: m.name })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? helpId(id) : undefined}
            optionType="button"
            buttonStyle="solid"
            value={provided.field.value || undefined}
            onChange={(e) => provided.field.onChange(e.target.value as Provided)}
            options={forms.map((f) => ({ value: f, label: t(`provided.${f}`) }))}
          />
          <Button icon={<PaperClipOutlined aria-hidden="true" />} onClick={() => input.current?.click()} aria-label={t('intake.uploadLabel', { name: m.name })}>
            {t('intake.upload')}
          </Button>
          <Button icon={<CameraOutlined aria-hidden="true" />} onClick={() => setCamera(true)} aria-label={t('intake.captureLabel', { name: m.name })}>
            {t('intake.capture')}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label={t('intake.chooseFile', { name: m.name })}
            accept="image/*,application/pdf,.ofd"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              e.target.value = '';
              void add(list.map((f) => ({ blob: f, name: f.name })));
            }}
          />
        </Space>
        {error && (
          <Typography.Text type="danger" id={helpId(id)}>
            {error}
          </Typography.Text>
        )}
        {files.field.value.length > 0 && (
          <Space wrap size={[4, 4]} aria-label={t('intake.attached', { name: m.name })}>
            {files.field.value.map((a) => (
              <Tag
                key={a.sha256}
                icon={<PaperClipOutlined aria-hidden="true" />}
                closable={{ 'aria-label': t('intake.remove', { name: a.name }) }}
                onClose={(e) => {
                  e.preventDefault();
                  files.field.onChange(files.field.value.filter((x) => x.sha256 !== a.sha256));
                }}
              >
                {a.name}（{formatSize(a.size)}）
              </Tag>
            ))}
          </Space>
        )}
      </Space>
      {camera && (
        <CameraDialog
          title={t('intake.captureTitle', { name: m.name })}
          onClose={() => setCamera(false)}
          onCapture={(jpeg) => add([{ blob: jpeg, name: `${m.name}-拍摄-${stamp()}.jpg` }])}
        />
      )}
    </div>
  );
}
