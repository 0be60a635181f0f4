// First run: the technician enters the hub address and a one-time enrollment code.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { DeviceIdentity } from '../../data/db';
import { enrollDevice, HubError } from '../../data/device';

const schema = z.object({
  hubUrl: z.string().trim().min(1, '请输入中心地址'),
  code: z.string().trim().regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, '注册码为 12 位字母数字，如 ABCD-EFGH-JKMN'),
  deviceName: z.string().trim().min(1, '请为本机起一个名字，如“天津 3 号窗口”').max(100),
});
type Values = z.infer<typeof schema>;

export function EnrollScreen({ onEnrolled }: { onEnrolled: (d: DeviceIdentity) => void }) {
  const [error, setError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    mode: 'onChange',
    defaultValues: { hubUrl: window.location.protocol.startsWith('http') ? window.location.origin : '', code: '', deviceName: '' },
  });
  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      onEnrolled(await enrollDevice(v.hubUrl, v.code, v.deviceName, __APP_VERSION__));
    } catch (e) {
      setError(e instanceof HubError ? e.message : `注册失败：${String(e)}`);
    }
  });
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 460 }}>
        <Typography.Title level={3}>注册本机</Typography.Title>
        <Typography.Paragraph type="secondary">请技术人员填写中心地址和管理员发放的一次性注册码。本机会生成不可导出的设备密钥。</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => void submit()}>
          {(['hubUrl', 'code', 'deviceName'] as const).map((name) => (
            <Controller
              key={name}
              name={name}
              control={control}
              render={({ field, fieldState }) => (
                <Form.Item label={{ hubUrl: '中心地址', code: '注册码', deviceName: '本机名称' }[name]} htmlFor={`enroll-${name}`} validateStatus={fieldState.error ? 'error' : ''} help={fieldState.error?.message}>
                  <Input id={`enroll-${name}`} {...field} autoFocus={name === 'code'} placeholder={{ hubUrl: 'https://hub.example.gov.cn', code: 'ABCD-EFGH-JKMN', deviceName: '天津 3 号窗口' }[name]} />
                </Form.Item>
              )}
            />
          ))}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
            注册
          </Button>
        </Form>
      </Card>
    </div>
  );
}
