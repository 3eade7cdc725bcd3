import { describeWriteBodyFuzz } from '../support/route-fuzz';

// Every fourth write route, from the second: the four files run side by side.
describeWriteBodyFuzz(2, 4);
