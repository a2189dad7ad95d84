import type { CSSProperties, ReactNode } from 'react';

/** The wall screen's dark palette. */
export const screen = {
  bg: '#050f24',
  panel: 'rgba(10, 34, 74, 0.72)',
  border: '#1b4e8c',
  text: '#d4e6ff',
  dim: '#7e9cc4',
  accent: '#35d0ff',
  green: '#3ddc97',
  yellow: '#ffc53d',
  orange: '#ff8c3b',
  red: '#ff4d4f',
} as const;

/** One framed block of the screen with its title. */
export function Panel({
  title,
  extra,
  children,
  style,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      style={{
        background: screen.panel,
        border: `1px solid ${screen.border}`,
        borderRadius: 6,
        boxShadow: 'inset 0 0 24px rgba(53, 208, 255, 0.08)',
        padding: '10px 16px',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...style,
      }}
    >
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          borderLeft: `4px solid ${screen.accent}`,
          paddingLeft: 10,
          marginBottom: 8,
        }}
      >
        <span style={{ fontSize: 22, fontWeight: 600, color: screen.text, letterSpacing: 2 }}>{title}</span>
        {extra && <span style={{ fontSize: 15, color: screen.dim }}>{extra}</span>}
      </header>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

/** A large figure with its label. */
export function Figure({ label, value, color }: { label: string; value: ReactNode; color?: string }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <div style={{ fontSize: 40, fontWeight: 700, color: color ?? screen.accent, lineHeight: 1.15 }}>
        {value}
      </div>
      <div style={{ fontSize: 16, color: screen.dim }}>{label}</div>
    </div>
  );
}

/** Axis and label styles for charts on the dark screen. */
export const darkAxis = {
  axisLine: { lineStyle: { color: screen.border } },
  axisLabel: { color: screen.dim, fontSize: 14 },
  splitLine: { lineStyle: { color: 'rgba(27, 78, 140, 0.35)' } },
};
