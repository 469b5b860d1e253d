import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { CallStats } from '../api/types';
import { useT } from '../hooks/useT';

/** Calls per day of the searched period, from the stats route. */
export const CallsChart = ({ stats }: { stats: CallStats | undefined }) => {
  const t = useT();
  const label = t('chart.title', 'Calls per day');
  const calls = t('chart.calls', 'Calls');
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Box paddingTop={2} height="160px" aria-label={label} role="img">
        {stats && (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={stats.perDay} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eaeaef" />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Bar
                dataKey="count"
                name={calls}
                fill="#4945ff"
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        )}
      </Box>
    </Box>
  );
};
