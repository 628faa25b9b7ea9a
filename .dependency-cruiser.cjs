// Module boundaries of ARCHITECTURE.md, checked by a tool rather than by prose.
module.exports = {
  forbidden: [
    {
      name: 'platform-is-domain-free',
      comment: 'platform/ never imports modules/',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'module-internals-are-private',
      comment:
        "other modules import only a module's service (or its use cases), events, module and (for foreign keys) tables",
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/',
        pathNot: [
          '^apps/server/src/modules/$1/',
          '\\.(service|events|module|tables)\\.ts$',
          // a service split by use case (ARCHITECTURE.md) keeps its public functions there
          '^apps/server/src/modules/[^/]+/use-cases/',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^apps/server/src/' },
      to: { circular: true },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
