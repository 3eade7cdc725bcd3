import { describeWriteBodyFuzz } from '../support/route-fuzz';

// Every fourth write route, from the first: the four files run side by side.
describeWriteBodyFuzz(1, 4);
