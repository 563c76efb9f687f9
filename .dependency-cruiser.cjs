// @ts-check
/**
 * The layers' import rules (DESIGN.md, "Shape of the code"; ADR 0009), checked by `npm test`
 * (`npm run lint:deps`). ESLint keeps the per-file purity bans (Node built-ins, clock, randomness);
 * this file owns which part of the project may import which.
 */
const TESTS = '(^test/|^bench/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.test\\.ts$|^workflows/test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain depends on nothing of the project and on no package.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TESTS },
      to: { pathNot: ['^libs/domain/'] },
    },
    {
      name: 'contracts-are-workflow-safe',
      comment:
        'libs/contracts crosses the workflow boundary: the domain and @temporalio/workflow only.',
      severity: 'error',
      from: { path: '^libs/contracts/', pathNot: TESTS },
      to: {
        pathNot: [
          '^libs/contracts/',
          '^libs/domain/',
          '^node_modules/@temporalio/(workflow|common)/',
        ],
      },
    },
    {
      name: 'workflows-are-deterministic',
      comment:
        'Workflow code imports the domain, the contracts and @temporalio/workflow; activities as types only.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: TESTS },
      to: {
        pathNot: [
          '^workflows/',
          '^libs/domain/',
          '^libs/contracts/',
          '^node_modules/@temporalio/(workflow|common)/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'nothing-below-the-api-imports-it',
      comment: 'Activities, libs, workflows and the worker never import the HTTP app.',
      severity: 'error',
      from: { path: '^(activities|libs|workflows|apps/worker|apps/cli|migrations)/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-never-loads-worker-code',
      comment: 'The API starts workflows by name; it may use their types, never their code.',
      severity: 'error',
      from: { path: '^apps/api/', pathNot: TESTS },
      to: {
        path: ['^workflows/', '^activities/', '^apps/worker/', '^node_modules/@temporalio/worker/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'libs-do-not-import-apps-or-engine',
      comment: 'Libraries serve apps, activities and workflows; never the other way round.',
      severity: 'error',
      from: { path: '^libs/', pathNot: TESTS },
      to: { path: '^(apps|activities|workflows)/' },
    },
    {
      name: 'activities-are-not-workflows',
      comment: 'Activities do I/O for the workflow; they never import workflow code.',
      severity: 'error',
      from: { path: '^activities/', pathNot: TESTS },
      to: { path: '^(workflows|apps)/' },
    },
    {
      name: 'no-feature-internals',
      comment:
        'An API feature uses another feature only through its Nest module; shared code lives in common/, auth/ or temporal/, or in libs.',
      severity: 'error',
      from: { path: '^apps/api/src/([^/]+)/', pathNot: TESTS },
      to: {
        path: '^apps/api/src/[^/]+/',
        pathNot: [
          '^apps/api/src/$1/',
          '^apps/api/src/(common|auth|temporal)/',
          '^apps/api/src/[^/]+/[^/]+\\.module\\.ts$',
        ],
      },
    },
    {
      name: 'libs-through-their-index',
      comment:
        "Production code uses a library through its public index (libs/<name>/src/index.ts), not its files; devstack is the exception (no index: the supervisor's parts).",
      severity: 'error',
      from: { pathNot: ['^libs/([^/]+)/', TESTS, '^libs/devstack/'] },
      to: {
        path: '^libs/(domain|contracts|persistence|mail|config|security)/src/.+',
        pathNot: '^libs/[^/]+/src/index\\.ts$',
      },
    },
    {
      name: 'web-imports-only-its-own',
      comment:
        'The web app (apps/web) runs in the browser: its own files, its packages and the API client generated into it; never server code.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { pathNot: ['^apps/web/src/', '^node_modules/'] },
    },
    {
      name: 'nothing-imports-the-web-app',
      comment:
        'The server never imports browser code (it serves the build from dist/web). A spec may: ' +
        'audit-routes.spec checks that the audit page names every route of the API.',
      severity: 'error',
      from: { pathNot: ['^apps/web/', '\\.spec\\.ts$'] },
      to: { path: '^apps/web/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.data|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'],
    },
  },
};
