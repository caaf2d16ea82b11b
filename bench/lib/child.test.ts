import { isProblem } from './child';

test('isProblem counts JSON log lines at warn and above, by number or by name', () => {
  expect(isProblem('{"level":"error","msg":"sql failed"}')).toBe(true);
  expect(isProblem('{"level":40,"time":"2026-12-07T04:25:20.218Z","service":"funding"}')).toBe(
    true,
  );
  expect(isProblem('{"level":60,"msg":"down"}')).toBe(true);
  expect(isProblem('{"level":30,"msg":"listening"}')).toBe(false);
  expect(isProblem('{"level":"info","msg":"error in the text"}')).toBe(false);
  expect(isProblem('(node:1) MaxListenersExceededWarning: "level":50')).toBe(false);
});
