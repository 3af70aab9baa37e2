import type { Exercise, Text } from './model';
import type { ExerciseProgress, TrainingProgress } from './progress';

/**
 * The trainer's view of a company's exercises, as a pure function of the progress: one row per
 * exercise, and the file a trainee hands in. Progress made on another version of an exercise
 * counts as not started (its steps may have changed).
 */

export type ExerciseStatus = 'notStarted' | 'inProgress' | 'completed';

export interface SummaryRow {
	id: string;
	version: number;
	title: Text;
	status: ExerciseStatus;
	stepsDone: number;
	steps: number;
	startedAt: string;
	completedAt: string;
	/** When each step was done, in order. */
	done: Array<{ step: string; at: string }>;
}

function current(exercise: Exercise, progress: ExerciseProgress | undefined) {
	return progress && progress.version === exercise.version ? progress : undefined;
}

export function summaryOf(
	exercises: readonly Exercise[],
	progress: TrainingProgress
): SummaryRow[] {
	return exercises.map((exercise) => {
		const own = current(exercise, progress.exercises[exercise.id]);
		return {
			id: exercise.id,
			version: exercise.version,
			title: exercise.title,
			status: !own ? 'notStarted' : own.completedAt ? 'completed' : 'inProgress',
			stepsDone: own?.done.length ?? 0,
			steps: exercise.steps.length,
			startedAt: own?.startedAt ?? '',
			completedAt: own?.completedAt ?? '',
			done: own?.done ?? []
		};
	});
}

export const PROGRESS_FILE_FORMAT = 'holdfast-training-progress';

/** The file a trainee hands in: who, which company, when, and every exercise's progress. */
export function progressFile(input: {
	rows: readonly SummaryRow[];
	companyName: string;
	userName: string;
	exportedAt: string;
	language: keyof Text;
}): string {
	const { rows, language } = input;
	return JSON.stringify(
		{
			format: PROGRESS_FILE_FORMAT,
			exportedAt: input.exportedAt,
			company: input.companyName,
			user: input.userName,
			completed: rows.filter((row) => row.status === 'completed').length,
			exercises: rows.map((row) => ({
				id: row.id,
				version: row.version,
				title: row.title[language],
				status: row.status,
				stepsDone: row.stepsDone,
				steps: row.steps,
				startedAt: row.startedAt,
				completedAt: row.completedAt,
				done: row.done
			}))
		},
		null,
		2
	);
}
