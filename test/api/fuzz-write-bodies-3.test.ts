import { describeWriteBodyFuzz } from '../support/route-fuzz';

// Every fourth write route, from the third: the four files run side by side.
describeWriteBodyFuzz(3, 4);
