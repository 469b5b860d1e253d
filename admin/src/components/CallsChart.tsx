import { Box, Typography, VisuallyHidden, useTheme } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { CallStats } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';

import { StatsNotice } from './StatsNotice';

interface CallsChartProps {
  stats: CallStats | undefined;
  /** Why the stats request failed, in the user's words; the card says so instead of a chart. */
  error: string | null;
  /** The search's total cap, for the note on counts of a capped calling-number search. */
  cap: number | null;
}

/**
 * Calls per day of the searched period, from the stats route. The colours are the design
 * system theme's, so the chart reads in the dark theme too; a visually hidden table of the same
 * counts is its text alternative for screen readers.
 */
export const CallsChart = ({ stats, error, cap }: CallsChartProps) => {
  const t = useT();
  const { colors } = useTheme();
  const { formatNumber } = useIntl();
  const dates = useDateFormat();
  const label = t('chart.title', 'Calls per day');
  const calls = t('chart.calls', 'Calls');
  const tick = { fontSize: 11, fill: colors.neutral600 };
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
      <Typography variant="sigma" textColor="neutral600" as="h2">
        {label}
      </Typography>
      <StatsNotice stats={stats} error={error} cap={cap} />
      {!error && (
        <Box paddingTop={2} height="160px" aria-hidden>
          {stats && (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={stats.perDay} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={colors.neutral200} />
                <XAxis
                  dataKey="day"
                  tick={tick}
                  stroke={colors.neutral300}
                  tickFormatter={(day: string) => dates.calendarDay(day)}
                />
                <YAxis allowDecimals={false} tick={tick} stroke={colors.neutral300} />
                <Tooltip
                  labelFormatter={(day: string) => dates.calendarDay(day)}
                  contentStyle={{
                    background: colors.neutral0,
                    borderColor: colors.neutral150,
                    color: colors.neutral800,
                  }}
                  labelStyle={{ color: colors.neutral800 }}
                  itemStyle={{ color: colors.primary600 }}
                  cursor={{ fill: colors.neutral150 }}
                />
                <Bar
                  dataKey="count"
                  name={calls}
                  fill={colors.primary600}
                  radius={[3, 3, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Box>
      )}
      {stats && !error && (
        <VisuallyHidden>
          {/* A plain table: the design system's grid table would add tab stops nobody sees. */}
          <table>
            <caption>{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.day', 'Day')}</th>
                <th scope="col">{calls}</th>
              </tr>
            </thead>
            <tbody>
              {stats.perDay.map((row) => (
                <tr key={row.day}>
                  <td>{dates.calendarDay(row.day)}</td>
                  <td>{formatNumber(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      )}
    </Box>
  );
};
