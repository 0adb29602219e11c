//! The batch's columns as an Arrow C stream (the `arrow_array_stream` PyCapsule), for
//! pyarrow, polars, duckdb and anything else that speaks the Arrow PyCapsule interface.

use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::Int8Type;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int32Array, Int64Array, Int8Array,
    RecordBatch, RecordBatchIterator, StringArray,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};

use crate::columns::{Column, Ids, Table, Values};
use crate::store::{chunks, Store};

/// Rows per record batch: few enough that the core records of one batch, built from the
/// compact store while its columns are filled, stay a few MB.
const ROWS_PER_BATCH: usize = 1 << 16;

/// A stream of record batches over the stores (the parts of a batch), built now and handed over whole. An empty
/// store gives one empty batch, which still carries the category lists (consumers keep them
/// as the categories of an empty column; a stream of no batches would lose them).
pub(crate) fn stream(parts: &[Arc<Store>], ids: &Ids) -> Result<FFI_ArrowArrayStream, ArrowError> {
    let schema = schema_of(&Table::build(&[], &[], ids));
    let batches = chunks(parts, ROWS_PER_BATCH)
        .map(|(records, docs)| to_record_batch(&schema, Table::build(&records, &docs, ids)))
        .collect::<Result<Vec<_>, _>>()?;
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    Ok(FFI_ArrowArrayStream::new(Box::new(reader)))
}

fn data_type(values: &Values<'_>) -> DataType {
    match values {
        Values::Int64(_) => DataType::Int64,
        Values::Int32(_) => DataType::Int32,
        Values::Float64(_) => DataType::Float64,
        Values::Boolean(_) => DataType::Boolean,
        Values::Utf8(_) => DataType::Utf8,
        Values::Category { .. } => {
            DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
        }
    }
}

fn schema_of(table: &Table<'_>) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|column| {
            Field::new(
                column.name,
                data_type(&column.values),
                column.valid.is_some(),
            )
        })
        .collect();
    Arc::new(Schema::new(fields))
}

fn to_record_batch(schema: &SchemaRef, table: Table<'_>) -> Result<RecordBatch, ArrowError> {
    let arrays = table
        .columns
        .into_iter()
        .map(to_array)
        .collect::<Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema.clone(), arrays)
}

fn to_array(column: Column<'_>) -> Result<ArrayRef, ArrowError> {
    let nulls = column.valid.map(NullBuffer::from);
    Ok(match column.values {
        Values::Int64(values) => Arc::new(Int64Array::new(ScalarBuffer::from(values), nulls)),
        Values::Int32(values) => Arc::new(Int32Array::new(ScalarBuffer::from(values), nulls)),
        Values::Float64(values) => Arc::new(Float64Array::new(ScalarBuffer::from(values), nulls)),
        Values::Boolean(values) => Arc::new(BooleanArray::new(BooleanBuffer::from(values), nulls)),
        Values::Utf8(values) => Arc::new(StringArray::from(values)),
        Values::Category { codes, categories } => {
            let valid: Vec<bool> = codes.iter().map(|&c| c >= 0).collect();
            let codes: Vec<i8> = codes.into_iter().map(|c| c.max(0)).collect();
            let keys = Int8Array::new(ScalarBuffer::from(codes), Some(NullBuffer::from(valid)));
            let values: ArrayRef = Arc::new(StringArray::from(categories));
            Arc::new(DictionaryArray::<Int8Type>::try_new(keys, values)?)
        }
    })
}
