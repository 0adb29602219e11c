//! The batch's columns as an Arrow C stream (the `arrow_array_stream` PyCapsule), for
//! pyarrow, polars, duckdb and anything else that speaks the Arrow PyCapsule interface.

use std::ops::Range;
use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::Int8Type;
use arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int32Array, Int64Array, Int8Array,
    RecordBatch, RecordBatchIterator, StringArray,
};
use arrow_buffer::{BooleanBuffer, NullBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use xinzhi_extract::Record;

use crate::columns::{Column, Ids, Table, Values};

/// Rows per record batch: small enough that string offsets stay far below `i32::MAX`
/// (a record's text is short), large enough that a batch of texts is usually one chunk.
const ROWS_PER_BATCH: usize = 1 << 20;

/// A stream of record batches over `documents`, built now and handed over whole.
pub(crate) fn stream(
    documents: &[Vec<Record>],
    ids: &Ids,
) -> Result<FFI_ArrowArrayStream, ArrowError> {
    let schema = schema_of(&Table::build(documents, ids, 0..0));
    let mut batches = chunks(documents)
        .map(|range| to_record_batch(&schema, Table::build(documents, ids, range)))
        .collect::<Result<Vec<_>, _>>()?;
    if batches.is_empty() {
        // One empty batch still carries the category lists, which consumers keep as the
        // categories of an empty column; a stream of no batches would lose them.
        batches.push(to_record_batch(
            &schema,
            Table::build(documents, ids, 0..0),
        )?);
    }
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    Ok(FFI_ArrowArrayStream::new(Box::new(reader)))
}

/// Runs of whole documents holding up to [`ROWS_PER_BATCH`] rows (more if one document
/// alone has more).
fn chunks(documents: &[Vec<Record>]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut first = 0;
    std::iter::from_fn(move || {
        if first >= documents.len() {
            return None;
        }
        let mut last = first;
        let mut rows = 0;
        while last < documents.len()
            && (rows == 0 || rows + documents[last].len() <= ROWS_PER_BATCH)
        {
            rows += documents[last].len();
            last += 1;
        }
        let range = first..last;
        first = last;
        Some(range)
    })
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
