import { formatMoney } from '../shape';

interface Money {
  amount: string;
  currency: string;
}

export interface Bar {
  key: string;
  label: string;
  total: Money;
  filled: Money;
  gap: Money;
  count?: number;
}

/**
 * Horizontal bars, one per row of a table that holds the same exact amounts: the bar's length is
 * the total, its dark part what is funded. Plain SVG: no chart library for two rectangles a row.
 */
export function Bars(props: { label: string; bars: Bar[]; totalName: string; countName?: string }) {
  const max = Math.max(...props.bars.map((bar) => Number(bar.total.amount)), 0);
  const share = (money: Money) => (max > 0 ? (Number(money.amount) / max) * 100 : 0);
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={props.label}>
      <table class="bars" data-testid={props.label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {props.countName ? (
              <th scope="col" class="number">
                {props.countName}
              </th>
            ) : null}
            <th scope="col" class="number">
              {props.totalName}
            </th>
            <th scope="col" class="number">
              Funded
            </th>
            <th scope="col" class="number">
              Gap
            </th>
            <th scope="col" class="bar-cell">
              <span class="visually-hidden">Bar</span>
              <span aria-hidden="true" class="bar-key">
                <span class="key funded" /> funded <span class="key rest" /> rest
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.bars.map((bar) => {
            const total = formatMoney(bar.total.amount, bar.total.currency);
            const funded = formatMoney(bar.filled.amount, bar.filled.currency);
            const gap = formatMoney(bar.gap.amount, bar.gap.currency);
            return (
              <tr key={bar.key} data-key={bar.key}>
                <th scope="row">{bar.label}</th>
                {props.countName ? <td class="number">{bar.count}</td> : null}
                <td class="number" data-amount={bar.total.amount}>
                  {total}
                </td>
                <td class="number" data-amount={bar.filled.amount}>
                  {funded}
                </td>
                <td class="number" data-amount={bar.gap.amount}>
                  {gap}
                </td>
                <td class="bar-cell">
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <title>{`${bar.label}: ${props.totalName.toLowerCase()} ${total}, funded ${funded}, gap ${gap}`}</title>
                    <rect class="rest" x="0" y="1" height="8" width={share(bar.total)} />
                    <rect
                      class="funded"
                      x="0"
                      y="1"
                      height="8"
                      width={Math.min(share(bar.filled), share(bar.total))}
                    />
                  </svg>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
