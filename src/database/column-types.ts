import { ColumnType } from 'typeorm';

/** The column type of every timestamp, in one place for when a second engine arrives. */
export const TIMESTAMP: ColumnType = 'datetime';
