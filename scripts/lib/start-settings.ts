import { setting } from '../../subgraphs/shared/src/settings';

/** Where `npm start` puts each service: its own variables, apart from a deployment's `PORT`. */
export const startSettings = {
  GATEWAY_PORT: setting.port(4000),
  MEMBERSHIP_PORT: setting.port(4001),
  ASSESSMENTS_PORT: setting.port(4002),
  FUNDING_PORT: setting.port(4003),
  GATEWAY_METRICS_PORT: setting.port(9090),
  MEMBERSHIP_METRICS_PORT: setting.port(9091),
  ASSESSMENTS_METRICS_PORT: setting.port(9092),
  FUNDING_METRICS_PORT: setting.port(9093),
  HOST: setting.string('127.0.0.1'),
  METRICS_HOST: setting.string('127.0.0.1'),
};
