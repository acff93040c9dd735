/** Same tree as the English messages with every leaf widened to string: what each language must provide. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
