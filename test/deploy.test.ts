import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { gatewayFamilies, gatewaySettings, readGatewayConfig } from '../gateway/src/config';
import { readSupergraph } from '../gateway/src/supergraph';
import { subgraphs } from '../subgraphs';
import {
  readSubgraphConfig,
  subgraphFamilies,
  subgraphSettings,
} from '../subgraphs/shared/src/subgraph-config';
import { databaseSettings } from '../scripts/lib/database-url';
import { startSettings } from '../scripts/lib/start-settings';

// No Docker engine or Kubernetes cluster runs here: these tests check what can be checked of
// the deployment files without one, against the code they deploy.

type Env = Record<string, string>;
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  image: string;
  command: string[];
  ports: { name: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Manifest {
  kind: string;
  metadata: { name: string; generateName?: string };
  spec: Record<string, unknown> & {
    selector?: { matchLabels?: Env } & Env;
    template?: {
      metadata: { labels: Env; annotations?: Env };
      spec: {
        containers: Container[];
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
        volumes?: { name: string; configMap: { name: string } }[];
      };
    };
    ports?: { port: number; targetPort: string | number }[];
    scaleTargetRef?: { kind: string; name: string };
  };
  data?: Env;
}

// Ports as the code defaults them: what the deployment files must agree with.
const services = [
  ...subgraphs.map((definition) => ({
    name: definition.name,
    port: readSubgraphConfig(definition, {}).port,
    metricsPort: readSubgraphConfig(definition, {}).metricsPort,
    entry: `dist/subgraphs/${definition.name}/src/index.js`,
    peers: Object.keys(definition.peers ?? {}),
  })),
  {
    name: 'gateway',
    port: readGatewayConfig({}).port,
    metricsPort: readGatewayConfig({}).metricsPort,
    entry: 'dist/gateway/src/index.js',
    peers: [],
  },
];
const portOf = Object.fromEntries(services.map((s) => [s.name, s.port]));
const subgraphUrlVar = (name: string) => `SUBGRAPH_${name.toUpperCase()}_URL`;

/**
 * Every variable the services and `npm start` read: the names their configurations declare, and
 * for the families named after a subgraph (`SUBGRAPH_FUNDING_URL`), their patterns.
 */
const code = {
  names: new Set([
    ...Object.keys(gatewaySettings),
    ...Object.keys(subgraphSettings),
    ...Object.keys(databaseSettings),
    ...Object.keys(startSettings),
  ]),
  patterns: [...Object.values(gatewayFamilies), ...Object.values(subgraphFamilies)],
};
const readByCode = (name: string) =>
  code.names.has(name) || code.patterns.some((pattern) => pattern.test(name));

/** The file `tsc -p tsconfig.build.json` compiles into `entry`, if it compiles one. */
function sourceOf(entry: string): string | undefined {
  const build = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { include: string[] };
  const base = JSON.parse(readFileSync('tsconfig.json', 'utf8')) as {
    compilerOptions: { outDir: string; rootDir: string };
  };
  const { outDir, rootDir } = base.compilerOptions;
  if (!entry.startsWith(`${outDir}/`) || !entry.endsWith('.js')) return undefined;
  const source = join(rootDir, entry.slice(outDir.length + 1).replace(/\.js$/, '.ts'));
  const included = build.include.some((dir) => source.startsWith(`${dir}/`));
  return included && existsSync(source) && !source.endsWith('.test.ts') ? source : undefined;
}

describe('.env.example', () => {
  const listed = new Set(
    readFileSync('.env.example', 'utf8')
      .split('\n')
      .flatMap((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []),
  );

  test('lists every variable the code reads', () => {
    expect([...code.names].filter((name) => !listed.has(name)).sort()).toEqual([]);
    for (const { name } of subgraphs) expect(listed).toContain(subgraphUrlVar(name));
  });

  test('lists no variable the code does not read', () => {
    expect([...listed].filter((name) => !readByCode(name)).sort()).toEqual([]);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
    services: Record<
      string,
      {
        build?: string;
        image?: string;
        command: string[];
        environment?: Env;
        ports?: string[];
        healthcheck?: { test: string[] };
        depends_on?: Record<string, { condition: string }>;
        profiles?: string[];
      }
    >;
  };
  const database = new URL(compose.services.membership.environment!.DATABASE_URL);

  test('runs PostgreSQL, the three subgraphs and the gateway, each with a health check', () => {
    const running = Object.entries(compose.services).filter(([, s]) => !s.profiles);
    expect(running.map(([name]) => name).sort()).toEqual(
      ['postgres', ...services.map((s) => s.name)].sort(),
    );
    for (const [, service] of running) expect(service.healthcheck?.test.length).toBeGreaterThan(1);
  });

  test.each(services)('$name runs its built entry point on its own port', (expected) => {
    const service = compose.services[expected.name];
    expect(service.build).toBe('.');
    expect(service.command).toEqual(['node', expected.entry]);
    expect(sourceOf(expected.entry)).toBeDefined();
    expect(service.environment?.PORT).toBe(String(expected.port));
    expect(service.ports).toContain(`${expected.port}:${expected.port}`);
    expect(service.healthcheck!.test.join(' ')).toContain(`:${expected.port}/ready`);
  });

  test.each(services)(
    '$name publishes its metrics port on the host’s loopback only',
    (expected) => {
      const service = compose.services[expected.name];
      const metricsPort = String(expected.metricsPort);
      expect(service.environment?.METRICS_PORT).toBe(metricsPort);
      // Listening on every interface of the container is what makes the published port answer.
      expect(service.environment?.METRICS_HOST).toBe('0.0.0.0');
      expect(service.ports).toEqual([
        `${expected.port}:${expected.port}`,
        `127.0.0.1:${metricsPort}:${metricsPort}`,
      ]);
    },
  );

  test.each(subgraphs.map((s) => s.name))(
    '%s reaches PostgreSQL and the subgraphs it asks',
    (name) => {
      const service = compose.services[name];
      expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(new URL(service.environment!.DATABASE_URL).host).toBe(database.host);
      for (const peer of services.find((s) => s.name === name)!.peers) {
        expect(service.environment![subgraphUrlVar(peer)]).toBe(
          `http://${peer}:${portOf[peer]}/graphql`,
        );
        expect(service.depends_on?.[peer]?.condition).toBe('service_healthy');
      }
    },
  );

  test('the gateway points each subgraph of the supergraph at its container', async () => {
    const gateway = compose.services.gateway;
    const urls: Record<string, string> = {};
    for (const { name } of subgraphs) {
      urls[name] = gateway.environment![subgraphUrlVar(name)];
      expect(urls[name]).toBe(`http://${name}:${portOf[name]}/graphql`);
      expect(gateway.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    const warnings: string[] = [];
    const sdl = await readSupergraph(gateway.environment!.SUPERGRAPH_PATH, urls, (w) =>
      warnings.push(w),
    );
    expect(warnings).toEqual([]);
    for (const url of Object.values(urls)) expect(sdl).toContain(`url: "${url}"`);
  });

  test('the postgres service is the one DATABASE_URL names', () => {
    const postgres = compose.services.postgres.environment!;
    expect(database.hostname).toBe('postgres');
    expect(decodeURIComponent(database.password)).toBe(postgres.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
  });

  test('sets only variables the code reads, and tools run built scripts', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'postgres') continue;
      expect(Object.keys(service.environment ?? {}).filter((v) => !readByCode(v))).toEqual([]);
      expect(sourceOf(service.command[1])).toBeDefined();
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  // One instruction per line: continuation lines joined.
  const stages = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split(/^FROM /m)
    .slice(1);
  const final = stages[stages.length - 1];

  test('builds in one stage and runs from another, without dev dependencies', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(final).not.toMatch(/npm (ci|install)/);
  });

  test('runs as a user other than root, with a health check on /health', () => {
    const user = /^USER (\S+)/m.exec(final)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(final).toMatch(/^HEALTHCHECK .*\/health/m);
    expect(final).toMatch(/process\.env\.PORT\|\|4000/);
  });

  test('copies what the services read at run time and starts a built entry point', () => {
    for (const path of ['./node_modules', './dist', './schema', './gateway/operations']) {
      expect(final).toMatch(new RegExp(`^COPY .* ${path.replace(/\./g, '\\.')}$`, 'm'));
    }
    for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) {
      expect(existsSync(source)).toBe(true);
    }
    const cmd = JSON.parse(/^CMD (.*)$/m.exec(final)![1]) as string[];
    expect(sourceOf(cmd[1])).toBeDefined();
  });

  test('package.json starts the same entry points', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Env }).scripts;
    for (const service of services) {
      expect(scripts[`start:${service.name}`]).toBe(`node ${service.entry}`);
    }
  });
});

describe('deploy/kubernetes', () => {
  const dir = 'deploy/kubernetes';
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as {
    resources: string[];
    configMapGenerator: { name: string; files: string[] }[];
    images: { name: string }[];
  };
  const load = (file: string) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => {
      expect(doc.errors).toEqual([]);
      return doc.toJS() as Manifest;
    });
  const manifests = kustomization.resources.flatMap(load);
  const find = (kind: string, name: string) =>
    manifests.find((m) => m.kind === kind && m.metadata.name === name)!;
  const config = find('ConfigMap', 'compact-graph-config');

  test('every file parses and every resource of the kustomization exists', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    for (const file of files) load(file);
    for (const resource of kustomization.resources) expect(files).toContain(resource);
    expect(config).toBeDefined();
    expect(Object.keys(config.data!).filter((v) => !readByCode(v))).toEqual([]);
  });

  test('the supergraph ConfigMap holds the checked-in supergraph', () => {
    const generator = kustomization.configMapGenerator.find((g) => g.name === 'supergraph')!;
    expect(generator.files).toEqual(['supergraph.graphql']);
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toBe(
      readFileSync('schema/supergraph.graphql', 'utf8'),
    );
  });

  describe.each(services)('$name', (expected) => {
    const deployment = find('Deployment', expected.name);
    const pod = deployment.spec.template!;
    const container = pod.spec.containers[0];
    const env = Object.fromEntries((container.env ?? []).map((v) => [v.name, v]));

    test('runs its built entry point on its own port, as a user other than root', () => {
      expect(kustomization.images.map((i) => i.name)).toContain(container.image);
      expect(container.command).toEqual(['node', expected.entry]);
      expect(sourceOf(expected.entry)).toBeDefined();
      expect(container.ports).toEqual([
        { name: 'http', containerPort: expected.port },
        { name: 'metrics', containerPort: expected.metricsPort },
      ]);
      expect(env.PORT.value).toBe(String(expected.port));
      expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(deployment.spec.selector!.matchLabels).toEqual(pod.metadata.labels);
    });

    test('is ready on /ready and alive on /health', () => {
      expect(container.readinessProbe!.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.livenessProbe!.httpGet).toEqual({ path: '/health', port: 'http' });
    });

    test('is scraped on its metrics port, on the pod’s address', () => {
      expect(env.METRICS_PORT.value).toBe(String(expected.metricsPort));
      expect(env.METRICS_HOST.value).toBe('0.0.0.0');
      expect(pod.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(expected.metricsPort),
        'prometheus.io/path': '/metrics',
      });
    });

    test('has a Service on its port, and not on its metrics port', () => {
      const service = find('Service', expected.name);
      expect(service.spec.selector).toEqual(pod.metadata.labels);
      expect(service.spec.ports).toEqual([
        { name: 'http', port: expected.port, targetPort: 'http' },
      ]);
    });

    test('reads only variables the code reads; secrets from the Secret', () => {
      expect(Object.keys(env).filter((name) => !readByCode(name))).toEqual([]);
      expect(container.envFrom).toEqual([{ configMapRef: { name: config.metadata.name } }]);
      for (const secret of [
        'DATABASE_URL',
        'JWT_SECRET',
        'GATEWAY_SIGNING_SECRET',
        'REDIS_URL',
        'DATABASE_REPLICA_URLS',
      ]) {
        if (!env[secret]) continue;
        expect(env[secret].value).toBeUndefined();
        expect(env[secret].valueFrom?.secretKeyRef).toMatchObject({
          name: 'compact-graph-secrets',
          key: secret,
        });
      }
      // Without it the subgraphs trust the gateway no more than a partner: it is never optional.
      expect(env.GATEWAY_SIGNING_SECRET?.valueFrom?.secretKeyRef).toEqual({
        name: 'compact-graph-secrets',
        key: 'GATEWAY_SIGNING_SECRET',
      });
      for (const peer of expected.name === 'gateway'
        ? subgraphs.map((s) => s.name)
        : expected.peers) {
        expect(env[subgraphUrlVar(peer)].value).toBe(`http://${peer}:${portOf[peer]}/graphql`);
      }
    });
  });

  test('subgraphs get the database from the Secret', () => {
    for (const { name } of subgraphs) {
      const container = find('Deployment', name).spec.template!.spec.containers[0];
      expect(
        container.env!.find((v) => v.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef,
      ).toEqual({ name: 'compact-graph-secrets', key: 'DATABASE_URL' });
    }
  });

  test('the gateway reads the supergraph ConfigMap where SUPERGRAPH_PATH points', () => {
    const pod = find('Deployment', 'gateway').spec.template!.spec;
    const container = pod.containers[0];
    const path = container.env!.find((v) => v.name === 'SUPERGRAPH_PATH')!.value!;
    expect(basename(path)).toBe('supergraph.graphql');
    const mount = container.volumeMounts!.find((m) => m.mountPath === dirname(path))!;
    expect(pod.volumes!.find((v) => v.name === mount.name)!.configMap.name).toBe('supergraph');
  });

  test('a HorizontalPodAutoscaler scales the gateway', () => {
    const hpa = manifests.find((m) => m.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'gateway' });
    const requests = find('Deployment', 'gateway').spec.template!.spec.containers[0] as unknown as {
      resources: { requests: { cpu: string } };
    };
    expect(requests.resources.requests.cpu).toBeDefined();
  });

  test('the migration Job runs the built migration script with the Secret’s DATABASE_URL', () => {
    const [job] = load('migrate-job.yaml');
    expect(job.kind).toBe('Job');
    const container = job.spec.template!.spec.containers[0];
    expect(sourceOf(container.command[1])).toBe('scripts/database.ts');
    expect(container.command).toEqual(['node', 'dist/scripts/database.js']);
    expect(container.env).toEqual([
      expect.objectContaining({
        name: 'DATABASE_URL',
        valueFrom: { secretKeyRef: { name: 'compact-graph-secrets', key: 'DATABASE_URL' } },
      }),
    ]);
  });
});
