import { errors } from '@strapi/utils';

import type { FieldProblem } from '../domain/search-query';

/** One 400 naming every bad field, in Strapi's own error shape (`details.errors[].path`). */
export const validationError = (problems: FieldProblem[]) =>
  new errors.ValidationError(
    problems.length === 1 ? problems[0].message : `${problems.length} errors occurred`,
    {
      errors: problems.map((problem) => ({
        path: [problem.path],
        message: problem.message,
        name: 'ValidationError',
      })),
    }
  );
