// The applicant: kind (as the item allows), name, ID type and number, mobile phone.
import { useTranslation } from 'react-i18next';
import { Col, Input, Radio, Row, Select, Typography } from 'antd';
import { useController, useWatch, type Control, type UseFormReturn } from 'react-hook-form';
import type { Item } from '../../../shared/catalog/item-schema';
import { describedBy, FieldRow } from './FieldRow';
import { idTypesFor, type IntakeValues } from './intake-values';
import { fieldId } from './keyboard';

type Props = { item: Item; form: UseFormReturn<IntakeValues> };

function TextField({ control, name, label, placeholder, inputMode, maxLength }: { control: Control<IntakeValues>; name: 'applicant.name' | 'applicant.idNumber' | 'applicant.phone'; label: string; placeholder?: string; inputMode?: 'tel' | 'text'; maxLength: number }) {
  const { field: { ref, ...field }, fieldState } = useController({ control, name });
  const id = fieldId(name);
  const error = fieldState.error?.message;
  return (
    <FieldRow id={id} label={label} required error={error}>
      <Input {...describedBy(id, error, true)} ref={ref} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} placeholder={placeholder} inputMode={inputMode} maxLength={maxLength} autoComplete="off" />
    </FieldRow>
  );
}

export function ApplicantSection({ item, form }: Props) {
  const { control, setValue, trigger, getValues } = form;
  const kind = useWatch({ control, name: 'applicant.kind' });
  const idType = useWatch({ control, name: 'applicant.idType' });
  const kindCtl = useController({ control, name: 'applicant.kind' });
  const { field: { ref: typeRef, ...typeField }, fieldState: typeState } = useController({ control, name: 'applicant.idType' });
  const { t } = useTranslation();
  const labels = { name: t(`intake.label.${kind}.name`), idType: t(`intake.label.${kind}.idType`), idNumber: t(`intake.label.${kind}.idNumber`), phone: t(`intake.label.${kind}.phone`) };
  const types = idTypesFor(kind);
  const kindId = fieldId('applicant.kind');
  const typeId = fieldId('applicant.idType');
  const typeError = typeState.error?.message;
  // The number is checked against the type: a new type re-checks a number already typed.
  const recheckNumber = () => {
    if (getValues('applicant.idNumber')) void trigger('applicant.idNumber');
  };
  return (
    <>
      <FieldRow id={kindId} label={t('intake.applicantKind')} required={false}>
        {item.applicantKinds.length > 1 ? (
          <Radio.Group
            id={kindId}
            aria-label={t('intake.applicantKind')}
            value={kindCtl.field.value}
            onChange={(e) => {
              const next = e.target.value as IntakeValues['applicant']['kind'];
              kindCtl.field.onChange(next);
              const allowed = idTypesFor(next);
              if (!allowed.includes(idType)) setValue('applicant.idType', allowed[0] ?? 'resident');
              recheckNumber();
            }}
            options={item.applicantKinds.map((k) => ({ value: k, label: t(`intake.kind.${k}`) }))}
          />
        ) : (
          <Typography.Text id={kindId}>{t('intake.onlyKind', { kind: t(`intake.kind.${kind}`) })}</Typography.Text>
        )}
      </FieldRow>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextField control={control} name="applicant.name" label={labels.name} maxLength={100} />
        </Col>
        <Col xs={24} md={12}>
          <FieldRow id={typeId} label={labels.idType} required error={typeError}>
            <Select
              {...describedBy(typeId, typeError, true)}
              ref={typeRef}
              value={typeField.value}
              onChange={(v) => {
                typeField.onChange(v);
                recheckNumber();
              }}
              onBlur={typeField.onBlur}
              disabled={types.length === 1}
              options={types.map((type) => ({ value: type, label: t(`idType.${type}`) }))}
            />
          </FieldRow>
        </Col>
        <Col xs={24} md={12}>
          <TextField control={control} name="applicant.idNumber" label={kind === 'enterprise' ? labels.idNumber : t('intake.idNumberOf', { type: t(`idType.${idType}`) })} maxLength={40} />
        </Col>
        <Col xs={24} md={12}>
          <TextField control={control} name="applicant.phone" label={labels.phone} inputMode="tel" maxLength={20} placeholder={t('intake.phonePlaceholder')} />
        </Col>
      </Row>
    </>
  );
}
