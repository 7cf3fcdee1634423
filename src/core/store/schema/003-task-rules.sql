-- Schema version 3: the task rules of the store, over the data written
-- before them (the same statements as _dn_store_apply_task_rules()).

-- A task's deadline is its lead unit's current one, extensions included.
UPDATE task SET due_date = a.due_date
  FROM assignment a
  WHERE a.task_id = task.id AND a.role = 'lead'
    AND a.due_date IS NOT NULL AND a.due_date IS NOT task.due_date;

-- Unit rows follow the work: a task done or cancelled has no row still open.
UPDATE assignment SET status = t.status
  FROM task t
  WHERE t.id = assignment.task_id AND t.status IN ('done', 'cancelled')
    AND assignment.status IN ('open', 'in_progress');
