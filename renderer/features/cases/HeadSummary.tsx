// What a counter knows of a case from its head alone (the snapshot has not stored it yet, and the hub
// could not be asked for it): the list line's facts, the ID number masked.
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { maskIdNumberByType } from '../../../shared/validators';
import type { CaseState } from '../../../shared/case/states';
import { hallLabel } from '../../i18n/labels';
import type { HeadRecord } from './case-key-index';
import { beijingTime } from './format';
import { STATE_COLORS } from './state-colors';

/** `itemName`: as the intake recorded it, else the catalog's. */
export function HeadSummary({ head, itemName }: { head: HeadRecord; itemName: string }) {
  const { t } = useTranslation();
  const state = head.state as CaseState;
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { key: 'state', label: t('casePage.state'), children: <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag> },
        { key: 'item', label: t('casePage.item'), children: itemName === head.itemCode ? itemName : t('cases.itemOption', { name: itemName, city: head.itemCode }) },
        { key: 'applicant', label: t('casePage.applicant'), children: head.applicantName },
        { key: 'id', label: t(`idType.${head.line.idType}`, { defaultValue: t('casePage.idNumber') }), children: <span style={{ fontFamily: 'monospace' }}>{maskIdNumberByType(head.line.idType, head.idNumber)}</span> },
        { key: 'received', label: t('casePage.received'), children: beijingTime(head.receivedAt) },
        { key: 'intake', label: t('casePage.intakeHall'), children: hallLabel(head.intakeHallId) },
        { key: 'home', label: t('casePage.homeHall'), children: hallLabel(head.homeHallId) },
        { key: 'delivery', label: t('casePage.deliveryHall'), children: hallLabel(head.deliveryHallId) },
      ]}
    />
  );
}
