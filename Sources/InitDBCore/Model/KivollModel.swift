extension PermissionModel {
  /// The kivoll infrastructure: a Go API, a Python worker with a job scheduler, an ML
  /// predictor, and one PostgreSQL.
  ///
  /// Each service has a NOLOGIN owner role that owns its objects, a migrator that runs
  /// its schema migrations as that owner, and an app role for run time. The scheduler
  /// keeps its jobs in a database of its own, as a single role that owns it.
  public static let kivoll = PermissionModel(
    name: "kivoll",
    services: [
      Service(name: "worker", summary: "the Python worker and its job scheduler"),
      Service(name: "api", summary: "the Go API"),
      Service(name: "predict", summary: "the ML predictor"),
    ],
    roles: [
      Role(name: "worker_owner", summary: "owns the worker's objects"),
      Role(name: "api_owner", summary: "owns the API's objects"),
      Role(name: "predict_owner", summary: "owns the predictor's objects"),
      Role(
        name: "worker_migrator",
        summary: "runs the worker's schema migrations",
        passwordVariable: "WORKER_MIGRATOR_PASSWORD",
        memberOf: ["worker_owner"],
        service: "worker"
      ),
      Role(
        name: "api_migrator",
        summary: "runs the API's schema migrations",
        passwordVariable: "API_MIGRATOR_PASSWORD",
        memberOf: ["api_owner"],
        service: "api"
      ),
      Role(
        name: "predict_migrator",
        summary: "runs the predictor's schema migrations",
        passwordVariable: "PREDICT_MIGRATOR_PASSWORD",
        memberOf: ["predict_owner"],
        service: "predict"
      ),
      Role(
        name: "worker_app",
        summary: "the worker at run time",
        passwordVariable: "WORKER_APP_PASSWORD",
        service: "worker"
      ),
      Role(
        name: "api_app",
        summary: "the API at run time",
        passwordVariable: "API_APP_PASSWORD",
        service: "api"
      ),
      Role(
        name: "predict_app",
        summary: "the predictor at run time",
        passwordVariable: "PREDICT_APP_PASSWORD",
        service: "predict"
      ),
      Role(
        name: "scheduler",
        summary: "the worker's job scheduler, owner of its own tables",
        passwordVariable: "SCHEDULER_DB_PASSWORD",
        service: "worker"
      ),
    ],
    databases: [
      Database(
        name: "worker_db",
        owner: "worker_owner",
        summary: "the worker's data",
        grants: [
          DatabaseGrant("worker_migrator", .migrator),
          DatabaseGrant("worker_app", .readWrite),
          DatabaseGrant("api_app", .readOnly),
        ]
      ),
      Database(
        name: "jobs_db",
        owner: "api_owner",
        summary: "the job queue: the API enqueues, the worker and the predictor claim and finish",
        grants: [
          DatabaseGrant("api_migrator", .migrator),
          DatabaseGrant("api_app", .readWrite),
          DatabaseGrant("worker_app", .selectUpdate),
          DatabaseGrant("predict_app", .selectUpdate),
        ]
      ),
      Database(
        name: "userdata_db",
        owner: "api_owner",
        summary: "user data of the API, not in use yet",
        grants: [
          DatabaseGrant("api_migrator", .migrator),
          DatabaseGrant("api_app", .readWrite),
        ]
      ),
      Database(
        name: "predict_db",
        owner: "predict_owner",
        summary: "the predictor's data",
        grants: [
          DatabaseGrant("predict_migrator", .migrator),
          DatabaseGrant("predict_app", .readWrite),
          DatabaseGrant("api_app", .readOnly),
        ]
      ),
      Database(
        name: "scheduler_db",
        owner: "scheduler",
        summary: "the worker's scheduled jobs, kept by the scheduler itself"
      ),
    ]
  )
}
