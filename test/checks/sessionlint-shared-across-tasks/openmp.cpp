// RUN: %check_sessionlint %s -- %mock_flags -fopenmp
// SPEC rule 2 for OpenMP: every thread of a parallel region runs its body,
// so a session the region shares is used by all of them at once; a task
// runs beside the code that created it until `taskwait`. Critical sections
// work like a mutex, single/master like one thread, and a variable a clause
// makes private is each thread's own.
#include <pqxx/pqxx>

void parallel_for_bad(int n) {
  pqxx::connection db;
#pragma omp parallel for
  for (int i = 0; i < n; ++i)
    db.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel for' runs in parallel [sessionlint-shared-across-tasks]
  // CHECK-NOTES: :[[@LINE-4]]:1: note: this body runs on several threads at the same time
  db.close(); // After the region: the team has finished.
}

void parallel_region_bad() {
  pqxx::connection db;
#pragma omp parallel
  {
    pqxx::work tx(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel' runs in parallel
    tx.commit();
  }
}

void parallel_own_session_ok(int n) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    pqxx::connection own;
    own.close();
  }
}

void parallel_critical_ok(int n) {
  pqxx::connection db;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical
    db.close();
  }
}

void parallel_critical_and_outside_bad(int n) {
  pqxx::connection db;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel for' runs in parallel
    db.is_open();
  }
}

void different_critical_sections_bad(int n) {
  pqxx::connection db;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
#pragma omp critical(a)
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel for' runs in parallel
#pragma omp critical(b)
    db.is_open();
  }
}

void parallel_single_ok() {
  pqxx::connection db;
#pragma omp parallel
  {
#pragma omp single
    db.close();
  }
}

void private_pointer_still_shares_bad(pqxx::connection *db) {
#pragma omp parallel firstprivate(db)
  db->close();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db' of type 'pqxx::connection *' is shared by tasks that 'omp parallel' runs in parallel
}

void parallel_sections_one_user_ok() {
  pqxx::connection db, other;
#pragma omp parallel sections
  {
#pragma omp section
    db.close();
#pragma omp section
    other.close();
  }
}

void parallel_sections_two_users_bad() {
  pqxx::connection db;
#pragma omp parallel sections
  {
#pragma omp section
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel sections' runs in parallel
#pragma omp section
    db.is_open();
  }
}

void task_then_use_bad() {
  pqxx::connection db;
#pragma omp task shared(db)
  db.close();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session 'db' of type 'pqxx::connection' is shared with a task started by 'omp task' while this function keeps using it
  db.is_open();
#pragma omp taskwait
}

void task_waited_ok() {
  pqxx::connection db;
#pragma omp task shared(db)
  db.close();
#pragma omp taskwait
  db.is_open();
}

void tasks_in_loop_bad(int n) {
  pqxx::connection db;
  for (int i = 0; i < n; ++i) {
#pragma omp task shared(db)
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'omp task' in a loop
  }
#pragma omp taskwait
}

// One thread of the team creates the tasks: each runs once, and the two
// overlap each other (one finding, at the first).
void single_creates_two_tasks_bad(pqxx::connection &db) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(db)
    db.close();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: session 'db' of type 'pqxx::connection' is shared by overlapping tasks started by 'omp task' and 'omp task'
#pragma omp task shared(db)
    db.close();
  }
}

void single_creates_one_task_ok(pqxx::connection &db) {
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(db)
    db.close();
  }
}

// Every thread of the team creates a task: as many as the team has.
void every_thread_creates_a_task_bad(pqxx::connection &db) {
#pragma omp parallel
  // CHECK-MESSAGES: :[[@LINE+2]]:1: warning: session 'db' of type 'pqxx::connection' is shared by tasks that 'omp parallel' runs in parallel
  {
#pragma omp task shared(db)
    db.close();
  }
}
